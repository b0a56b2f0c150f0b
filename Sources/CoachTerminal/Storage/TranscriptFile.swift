import CoachKit
import Foundation

/// A session's transcript written next to the plans, named after the session (`<id>.md`), so that
/// deleting the session deletes it too.
///
///     let path = try TranscriptFile.save(runtime.transcript, in: paths.plans, as: .markdown)
public enum TranscriptFile {
  /// Writes `transcript` in `format` into `folder`; returns the file's path.
  public static func save(_ transcript: Transcript, in folder: String, as format: TranscriptFormat)
    throws -> String
  {
    try PrivateFiles.makeDirectory(folder, tightening: true)
    let path = PrivateFiles.unusedPath(
      in: folder, name: "\(transcript.header.session).\(format.fileExtension)")
    try PrivateFiles.write(format.render(transcript), to: path)
    return path
  }
}
