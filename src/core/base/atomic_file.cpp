// Atomic file replacement with POSIX calls: create a temporary file beside the target, write,
// fsync, rename over the target, fsync the directory. See atomic_file.h.
//
// The temporary file is unnamed while it is written (Linux O_TMPFILE) and only gets a name
// just before the rename, so a writer killed midway (SIGKILL, a crash, a power cut) leaves no
// half-written file behind, not even a hidden one. Filesystems without O_TMPFILE get a named
// temporary file from the start, removed on every failure the process survives.
#include "core/base/atomic_file.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rnnwb {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int err)
{
    throw std::runtime_error(path + ": " + what + ": " + std::error_code(err, std::generic_category()).message());
}

// The file a write to `path` should replace: a symbolic link is followed so that the link
// survives and its target gets the new content (a dangling link is written through, too).
std::filesystem::path resolveTarget(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec)))
        return path;
    const fs::path resolved = fs::weakly_canonical(path, ec);
    return ec ? fs::path(path) : resolved;
}

// A temporary file that removes itself unless committed.
class TempFile {
public:
    TempFile(const std::filesystem::path& target, const std::string& reportedPath);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    void write(std::span<const std::byte> bytes);
    void copyPermissionsFrom(const std::filesystem::path& target);
    void commitTo(const std::filesystem::path& target);

private:
    bool openUnnamed(const std::filesystem::path& target);
    void openNamed(const std::filesystem::path& target);
    void giveName(const std::filesystem::path& target);

    std::string path_;     // the temporary file's name; empty while it has none
    std::string reported_; // the path the caller asked for, used in messages
    int fd_ = -1;
    bool unnamed_ = false; // an O_TMPFILE file, linked to path_ only when committed
};

// A fresh name ".<target name>.<pid>.<counter>.<clock>.tmp" beside the target. The target
// name is shortened so that the result stays within NAME_MAX (255) for long names.
std::filesystem::path tempNameFor(const std::filesystem::path& target)
{
    static std::atomic<unsigned> counter{0};
    const auto tick = std::chrono::steady_clock::now().time_since_epoch().count();
    std::string name = ".";
    name.append(target.filename().string(), 0, 120);
    name.append(".").append(std::to_string(::getpid()));
    name.append(".").append(std::to_string(counter++));
    name.append(".").append(std::to_string(tick)).append(".tmp");
    return target.has_parent_path() ? target.parent_path() / name : std::filesystem::path(name);
}

// The writer's pid in a name made by tempNameFor for `target`, or 0 when it is not one.
pid_t writerOfTempName(const std::string& name, const std::filesystem::path& target)
{
    std::string prefix = ".";
    prefix.append(target.filename().string(), 0, 120).append(".");
    const std::string suffix = ".tmp";
    if (name.size() <= prefix.size() + suffix.size() || name.compare(0, prefix.size(), prefix) != 0
        || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return 0;
    // What is left is "<pid>.<counter>.<clock>": three runs of digits.
    const std::string rest = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
    if (rest.find_first_not_of("0123456789.") != std::string::npos || std::count(rest.begin(), rest.end(), '.') != 2)
        return 0;
    return static_cast<pid_t>(std::strtol(rest.c_str(), nullptr, 10));
}

std::filesystem::path directoryOf(const std::filesystem::path& target)
{
    return target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
}

TempFile::TempFile(const std::filesystem::path& target, const std::string& reportedPath) : reported_(reportedPath)
{
    if (!openUnnamed(target))
        openNamed(target);
}

// An unnamed file in the target's directory. It is named later through /proc/self/fd, so
// both O_TMPFILE and /proc are needed; false (nothing created) when either is missing.
bool TempFile::openUnnamed(const std::filesystem::path& target)
{
#ifdef O_TMPFILE
    if (::access("/proc/self/fd", X_OK) != 0)
        return false;
    fd_ = ::open(directoryOf(target).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    unnamed_ = fd_ >= 0;
    return unnamed_;
#else
    (void)target;
    return false;
#endif
}

// O_EXCL makes creation fail rather than reuse a name; a few attempts get past any collision.
void TempFile::openNamed(const std::filesystem::path& target)
{
    for (int attempt = 0; attempt < 16 && fd_ < 0; ++attempt) {
        path_ = tempNameFor(target).string();
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ < 0 && errno != EEXIST)
            break;
    }
    if (fd_ < 0) {
        const int err = errno;
        path_.clear(); // nothing was created
        fail(reported_, "cannot create a temporary file in " + directoryOf(target).string(), err);
    }
}

// Links the unnamed file into the directory under a fresh temporary name (the rename that
// follows is what makes the new content appear at the target).
void TempFile::giveName(const std::filesystem::path& target)
{
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    for (int attempt = 0; attempt < 16; ++attempt) {
        const std::string name = tempNameFor(target).string();
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            path_ = name;
            return;
        }
        if (errno != EEXIST)
            break;
    }
    fail(reported_, "cannot write the file", errno);
}

TempFile::~TempFile()
{
    if (fd_ >= 0)
        ::close(fd_);
    if (!path_.empty())
        ::unlink(path_.c_str());
}

void TempFile::write(std::span<const std::byte> bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail(reported_, "cannot write the file", errno);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd_) != 0)
        fail(reported_, "cannot flush the file to disk", errno);
}

// Keeps an existing file's permission bits (new files get 0666 minus the umask).
void TempFile::copyPermissionsFrom(const std::filesystem::path& target)
{
    struct stat st { };
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode))
        ::fchmod(fd_, st.st_mode & 07777); // best effort: the content matters more
}

void TempFile::commitTo(const std::filesystem::path& target)
{
    if (unnamed_)
        giveName(target);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
        fail(reported_, "cannot write the file", errno);
    if (::rename(path_.c_str(), target.c_str()) != 0)
        fail(reported_, "cannot replace the file", errno);
    path_.clear(); // renamed: nothing left to remove

    // Make the rename itself durable. The new content is already in place, so a failure
    // here is not reported.
    const int dirFd = ::open(directoryOf(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

// A writer killed in the few microseconds between naming its temporary file and the rename
// leaves that file behind. The next write of the same target removes such leftovers of
// writers that no longer run (a live writer's file is never touched). Best effort.
void removeLeftoverTempFiles(const std::filesystem::path& target)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    for (fs::directory_iterator it(directoryOf(target), ec), end; !ec && it != end; it.increment(ec)) {
        const pid_t writer = writerOfTempName(it->path().filename().string(), target);
        if (writer > 0 && ::kill(writer, 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

} // namespace

void writeFileAtomically(const std::string& path, std::span<const std::byte> bytes)
{
    if (path.empty())
        throw std::runtime_error("cannot write a file with an empty name");
    const std::filesystem::path target = resolveTarget(path);
    if (!target.has_filename())
        throw std::runtime_error(path + ": cannot write the file: the path names a directory");
    TempFile temp(target, path);
    temp.copyPermissionsFrom(target);
    temp.write(bytes);
    temp.commitTo(target);
    removeLeftoverTempFiles(target);
}

void writeFileAtomically(const std::string& path, std::string_view text)
{
    writeFileAtomically(path, std::as_bytes(std::span<const char>(text.data(), text.size())));
}

} // namespace rnnwb
