#include "app/shell/stall_meter.h"

#include <algorithm>

namespace rnnwb::app {

StallMeter::StallMeter(QObject* parent, int intervalMs) : QObject(parent), interval_(intervalMs)
{
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(intervalMs);
    connect(&timer_, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    longest_ = total_ = 0.0;
    ticks_ = 0;
    stalls_.clear();
    clock_.start();
    last_ = clock_.nsecsElapsed();
    timer_.start();
}

void StallMeter::stop() { timer_.stop(); }

void StallMeter::tick()
{
    const qint64 now = clock_.nsecsElapsed();
    const double late = std::max(0.0, double(now - last_) * 1e-6 - interval_);
    last_ = now;
    longest_ = std::max(longest_, late);
    if (late >= 30.0)
        stalls_.append({double(now) * 1e-6 - late, late});
    total_ += late;
    ++ticks_;
}

} // namespace rnnwb::app
