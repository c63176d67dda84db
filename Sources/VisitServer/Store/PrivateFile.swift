import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files only the server's user may read (tokens, the database, temporary copies of scenarios).
/// Created with mode 0600 by `open(2)` itself, so there is no moment at which another user could
/// open them; `FileManager.createFile(atPath:contents:attributes:)` writes a temporary file with
/// the default mode and only then sets the permissions.
enum PrivateFile {
    /// Writes `data` to a new file at `path`; fails if the file exists.
    static func create(_ path: String, contents data: Data) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return fsync(fd) == 0
        }
    }

    /// Makes sure a file exists at `path` with mode 0600 (creating it empty), and takes read and
    /// write permission from group and others on an existing one. SQLite gives its WAL and
    /// shared-memory files the database file's mode.
    static func restrict(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 { _ = chmod(path, info.st_mode & 0o700) }
    }
}
