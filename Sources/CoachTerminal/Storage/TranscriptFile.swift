import CoachKit
import Foundation

/// A session's transcript written next to the plans, named after the session (`<id>.md`), so that
/// deleting the session deletes it too.
///
///     let path = try TranscriptFile.save(recorder, engine: engine, as: .markdown)
public enum TranscriptFile {
  /// Replays what the recorder has on disk and writes it in `format`; returns the file's path.
  public static func save(_ recorder: SessionRecorder, engine: Engine, as format: TranscriptFormat)
    throws -> String
  {
    let contents = try SessionLogContents.read(recorder.store.path(of: recorder.sessionID))
    // A check-in's texts read the session it follows.
    let transcript = Transcript.replay(
      header: contents.header, entries: contents.entries, dialogue: engine.dialogue,
      earlier: engine.earlier)
    let folder = recorder.store.exports ?? PrivateFiles.plansDirectory()
    try PrivateFiles.makeDirectory(folder, tightening: true)
    let path = PrivateFiles.unusedPath(
      in: folder, name: "\(recorder.sessionID).\(format.fileExtension)")
    try PrivateFiles.write(format.render(transcript), to: path)
    return path
  }
}
