#include "app/charts/replot_coalescer.h"

namespace rnnwb::app {

ReplotCoalescer::ReplotCoalescer(QObject* parent, int intervalMs) : QObject(parent)
{
    timer_.setSingleShot(true);
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &ReplotCoalescer::flush);
}

void ReplotCoalescer::request(QObject* key, std::function<void()> work)
{
    bool replaced = false;
    for (Pending& p : pending_) {
        if (p.key == key) {
            p.work = std::move(work);
            replaced = true;
        }
    }
    if (!replaced)
        pending_.push_back({key, std::move(work)});
    if (!timer_.isActive())
        timer_.start();
}

void ReplotCoalescer::flush()
{
    timer_.stop();
    std::vector<Pending> due;
    due.swap(pending_);
    for (Pending& p : due)
        if (p.key)
            p.work();
    ++ticks_;
}

} // namespace rnnwb::app
