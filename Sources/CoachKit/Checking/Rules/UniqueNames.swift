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
    for step in dialogue.steps {
      if let first = steps[step.id] {
        findings.append(
          .error(
            "a step with id '\(step.id)' already exists at \(first.shortDescription)",
            at: step.location))
      } else {
        steps[step.id] = step.location
      }
      guard let question = step.question else { continue }
      if let first = variables[question.variable] {
        findings.append(
          .error(
            "the variable '\(question.variable)' is already set by step '\(first.step)' at \(first.location.shortDescription); give this question its own 'var'",
            at: question.location))
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
}

extension SourceLocation {
  /// "line 12" in the same file, or "other.yaml:12" in another; for messages that point elsewhere.
  var shortDescription: String {
    "\(file.split(separator: "/").last.map(String.init) ?? file):\(line)"
  }
}
