/// Section ids, step ids and variable names are each used once: saved sessions and conditions
/// refer to them by name.
struct UniqueNames: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var sections: [String: SourceLocation] = [:]
    for section in dialogue.sections {
      if let first = sections[section.id] {
        findings.append(
          .error(
            "a section with id '\(section.id)' already exists at \(first.shortDescription)",
            at: section.location))
      } else {
        sections[section.id] = section.location
      }
    }
    var steps: [String: SourceLocation] = [:]
    var variables: [String: (step: String, location: SourceLocation)] = [:]
    // The steps of the sections; a flow's steps and names are its own (below), and what its
    // calls store must not be what another question stores.
    for position in dialogue.steps.indices {
      let step = dialogue.steps[position]
      if step.instance == nil {
        if let first = steps[step.id] {
          findings.append(
            .error(
              "a step with id '\(step.id)' already exists at \(first.shortDescription); give one of them another id",
              at: step.location))
        } else {
          steps[step.id] = step.location
        }
      }
      guard let question = step.question else { continue }
      if let first = variables[question.variable] {
        if let instance = step.instance {
          let call = dialogue.steps[instance.callPosition]
          findings.append(
            .error(
              "the call '\(call.id)' stores the answer '\(question.variable.dropFirst(instance.scope.namePrefix.count))' of flow '\(instance.scope.flowID)' as '\(question.variable)', which step '\(first.step)' at \(first.location.shortDescription) sets too; rename one of them",
              at: call.call?.location ?? call.location))
        } else if first.location != question.location {
          findings.append(
            .error(
              "the variable '\(question.variable)' is already set by step '\(first.step)' at \(first.location.shortDescription); give this question its own 'var'",
              at: question.location))
        }
      } else {
        variables[question.variable] = (step.id, question.location)
      }
    }
    // The team's ratings of a team question are read by names of their own.
    var teamNames: [String: String] = [:]
    for (team, _) in TeamValueName.all(in: dialogue) { teamNames[team.name] = team.variable }
    for step in dialogue.steps {
      guard let question = step.question, let rated = teamNames[question.variable] else { continue }
      findings.append(
        .error(
          "'\(question.variable)' is the name of the team's ratings of '\(rated)' in facilitator mode; give this question another 'var'",
          at: question.location))
    }
    findings += flowNames(dialogue)
    var computed: Set<String> = []
    for value in dialogue.computed {
      if let rated = teamNames[value.name] {
        findings.append(
          .error(
            "'\(value.name)' is the name of the team's ratings of '\(rated)' in facilitator mode; give this computed value another name",
            at: value.location))
      } else if let answer = variables[value.name] {
        findings.append(
          .error(
            "'\(value.name)' is both a computed value and the answer to step '\(answer.step)'",
            at: value.location))
      } else if !computed.insert(value.name).inserted {
        findings.append(
          .error("the computed value '\(value.name)' is defined twice", at: value.location))
      }
    }
    return findings
  }

  /// Within each flow: step ids, variables and parameters once each; flow ids once.
  private func flowNames(_ dialogue: Dialogue) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var flows: [String: SourceLocation] = [:]
    for flow in dialogue.flows {
      if let first = flows[flow.id] {
        findings.append(
          .error(
            "a flow with id '\(flow.id)' already exists at \(first.shortDescription)",
            at: flow.location))
        continue
      }
      flows[flow.id] = flow.location
      var names: [String: SourceLocation] = [:]
      for parameter in flow.parameters {
        if let first = names[parameter.name] {
          findings.append(
            .error(
              "the parameter '\(parameter.name)' is named twice (first at \(first.shortDescription))",
              at: parameter.location))
        }
        names[parameter.name] = parameter.location
      }
      var steps: [String: SourceLocation] = [:]
      for step in flow.steps {
        if let first = steps[step.id] {
          findings.append(
            .error(
              "flow '\(flow.id)' already has a step with id '\(step.id)' at \(first.shortDescription)",
              at: step.location))
        }
        steps[step.id] = step.location
        guard let question = step.question else { continue }
        if let first = names[question.variable] {
          findings.append(
            .error(
              "flow '\(flow.id)' already has the name '\(question.variable)' (at \(first.shortDescription)); give this question its own 'var'",
              at: question.location))
        }
        names[question.variable] = question.location
      }
    }
    return findings
  }
}

extension SourceLocation {
  /// "line 12" in the same file, or "other.yaml:12" in another; for messages that point elsewhere.
  var shortDescription: String {
    "\(file.split(separator: "/").last.map(String.init) ?? file):\(line)"
  }
}
