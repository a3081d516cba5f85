// Atomic file replacement: readers of `path` see either the old content or the new, never a
// half-written file, and a failure (full disk, no permission, crash) leaves the old file as
// it was.
//
// How: the bytes go to a new temporary file in the target's directory (same filesystem, so
// the rename is atomic), which is flushed to disk with fsync and then renamed over the
// target. The temporary file is removed on every failure path; while it is written it has no
// name at all (O_TMPFILE, where the filesystem has it), so even a writer killed midway leaves
// nothing behind, and the rare leftover of a writer killed between naming and renaming is
// removed by the next write of the same target. An existing target's
// permission bits are carried over; a symbolic link at `path` is followed, so the file it
// points to is replaced and the link kept.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace rnnwb {

// Throws std::runtime_error("PATH: reason") on failure.
void writeFileAtomically(const std::string& path, std::span<const std::byte> bytes);
void writeFileAtomically(const std::string& path, std::string_view text);

} // namespace rnnwb
