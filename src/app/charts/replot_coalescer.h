#pragma once
// Coalesces redraw requests: however often data arrives (one epoch per millisecond, say), each
// registered piece of work runs at most once per interval (~30 times a second).
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <vector>

namespace rnnwb::app {

class ReplotCoalescer : public QObject {
    Q_OBJECT
public:
    explicit ReplotCoalescer(QObject* parent = nullptr, int intervalMs = 33);

    // Runs `work` at the next tick; a later request with the same key replaces it.
    void request(QObject* key, std::function<void()> work);
    // Runs everything pending now (before a screenshot or export).
    void flush();
    int ticks() const { return ticks_; }

private:
    struct Pending {
        QPointer<QObject> key;
        std::function<void()> work;
    };
    std::vector<Pending> pending_;
    QTimer timer_;
    int ticks_ = 0;
};

} // namespace rnnwb::app
