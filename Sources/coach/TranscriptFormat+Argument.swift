import ArgumentParser
import CoachKit

/// `--format markdown|json|html|text` takes the export formats directly.
extension TranscriptFormat: ExpressibleByArgument {}
