#pragma once
// Runs one computation at a time off the GUI thread, where only the latest request matters:
// while one runs, newer requests replace each other, and the result of a request that a newer
// one made stale is dropped (the newer one starts instead). Results come back on the thread of
// `context` (the GUI thread), through the `ready` callback.
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <optional>
#include <utility>

namespace rnnwb::app {

template <typename Request, typename Result>
class LatestJob {
public:
    using Work = std::function<Result(const Request&)>;
    using Ready = std::function<void(const Result&)>;

    LatestJob(QObject* context, Work work, Ready ready) : work_(std::move(work))
    {
        QObject::connect(&watcher_, &QFutureWatcher<Result>::finished, context, [this, ready = std::move(ready)] {
            if (pending_) { // stale: a newer request is waiting
                start();
                return;
            }
            running_ = false;
            ready(watcher_.result());
        });
    }
    ~LatestJob() { watcher_.waitForFinished(); }
    LatestJob(const LatestJob&) = delete;
    LatestJob& operator=(const LatestJob&) = delete;

    void request(Request request)
    {
        pending_ = std::move(request);
        if (!watcher_.isRunning())
            start();
    }
    // True from a request until its result has been handed to `ready` (or dropped as stale).
    bool busy() const { return running_ || pending_.has_value(); }
    void waitForFinished() { watcher_.waitForFinished(); }

private:
    void start()
    {
        Request request = std::move(*pending_);
        pending_.reset();
        running_ = true;
        watcher_.setFuture(QtConcurrent::run([work = work_, request = std::move(request)] { return work(request); }));
    }

    Work work_;
    QFutureWatcher<Result> watcher_;
    std::optional<Request> pending_;
    bool running_ = false;
};

} // namespace rnnwb::app
