// Atomic file replacement with POSIX calls: create a unique temporary file beside the
// target, write, fsync, rename over the target, fsync the directory. See atomic_file.h.
#include "core/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rnnwb {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
    throw std::runtime_error(path + ": " + what + ": " +
                             std::error_code(err, std::generic_category()).message());
}

// The file a write to `path` should replace: a symbolic link is followed so that the link
// survives and its target gets the new content (a dangling link is written through, too).
std::filesystem::path resolveTarget(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) return path;
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
    std::string path_;
    std::string reported_;  // the path the caller asked for, used in messages
    int fd_ = -1;
};

// A fresh name ".<target name>.<pid>.<counter>.<clock>.tmp" beside the target. The target
// name is shortened so that the result stays within NAME_MAX (255) for long names.
std::filesystem::path tempNameFor(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    const auto tick = std::chrono::steady_clock::now().time_since_epoch().count();
    std::string name = ".";
    name.append(target.filename().string(), 0, 120);
    name.append(".").append(std::to_string(::getpid()));
    name.append(".").append(std::to_string(counter++));
    name.append(".").append(std::to_string(tick)).append(".tmp");
    return target.has_parent_path() ? target.parent_path() / name : std::filesystem::path(name);
}

// O_EXCL makes creation fail rather than reuse a name; a few attempts get past any collision.
TempFile::TempFile(const std::filesystem::path& target, const std::string& reportedPath)
    : reported_(reportedPath) {
    for (int attempt = 0; attempt < 16 && fd_ < 0; ++attempt) {
        path_ = tempNameFor(target).string();
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ < 0 && errno != EEXIST) break;
    }
    if (fd_ < 0) {
        const int err = errno;
        path_.clear();  // nothing was created
        const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
        fail(reported_, "cannot create a temporary file in " + dir, err);
    }
}

TempFile::~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
}

void TempFile::write(std::span<const std::byte> bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(reported_, "cannot write the file", errno);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd_) != 0) fail(reported_, "cannot flush the file to disk", errno);
}

// Keeps an existing file's permission bits (new files get 0666 minus the umask).
void TempFile::copyPermissionsFrom(const std::filesystem::path& target) {
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode))
        ::fchmod(fd_, st.st_mode & 07777);  // best effort: the content matters more
}

void TempFile::commitTo(const std::filesystem::path& target) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(reported_, "cannot write the file", errno);
    if (::rename(path_.c_str(), target.c_str()) != 0)
        fail(reported_, "cannot replace the file", errno);
    path_.clear();  // renamed: nothing left to remove

    // Make the rename itself durable. The new content is already in place, so a failure
    // here is not reported.
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

}  // namespace

void writeFileAtomically(const std::string& path, std::span<const std::byte> bytes) {
    if (path.empty()) throw std::runtime_error("cannot write a file with an empty name");
    const std::filesystem::path target = resolveTarget(path);
    if (!target.has_filename())
        throw std::runtime_error(path + ": cannot write the file: the path names a directory");
    TempFile temp(target, path);
    temp.copyPermissionsFrom(target);
    temp.write(bytes);
    temp.commitTo(target);
}

void writeFileAtomically(const std::string& path, std::string_view text) {
    writeFileAtomically(path, std::as_bytes(std::span<const char>(text.data(), text.size())));
}

}  // namespace rnnwb
