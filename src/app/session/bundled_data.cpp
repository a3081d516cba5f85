#include "app/session/bundled_data.h"

#include "app/session/teaching_series.h"

#include <QCoreApplication>

namespace rnnwb::app {

namespace {
// The context lupdate records for tr() calls in this namespace.
QString tr(const char* text) { return QCoreApplication::translate("rnnwb::app", text); }
} // namespace

QString defaultDatasetPath() { return QStringLiteral(":/data/airline-passengers.csv"); }

QList<BundledDataset> bundledDatasets()
{
    return {
        {tr("&Airline passengers (monthly, 1949–1960)"), defaultDatasetPath(),
         tr("Box & Jenkins' international airline passengers in thousands: trend and yearly season. "
            "The tutorial's dataset (144 values).")},
        {tr("Monthly &sunspots (1749–1983)"), QStringLiteral(":/data/monthly-sunspots.csv"),
         tr("Mean monthly sunspot number: an irregular cycle of about 11 years (2820 values).")},
        {tr("Daily minimum &temperatures (Melbourne, 1981–1990)"), QStringLiteral(":/data/daily-min-temperatures.csv"),
         tr("Daily minimum temperature in °C: a noisy yearly cycle (3650 values).")},
    };
}

QList<TeachingSeries> teachingSeries()
{
    return {
        {QStringLiteral("sine-noise"), tr("Sine + &noise"),
         tr("A sine wave (period 25) with Gaussian noise of 0.1: any cell learns it; the noise is the floor of "
            "the loss."),
         tr("Generated: sine wave with period 25 plus noise (σ = 0.1). Every cell type should reach a test "
            "RMSE near 0.1, the noise level."),
         [] { return sineWithNoise(); }},
        {QStringLiteral("long-memory"), tr("&Long memory (lag 24)"),
         tr("Each value is 0.9 × the value 24 steps back plus noise: nothing nearer helps to predict it."),
         tr("Generated: x(t) = 0.9·x(t−24) + noise, so only the value 24 steps back helps. Try the sequence "
            "layout, window 25, batch 16, 1 layer of 32 units, 200 epochs, and compare cells: the LSTM's training "
            "loss falls to about 0.005, the plain RNN's stays near 0.03 (its gradient fades over 24 steps)."),
         [] { return longMemory(); }},
    };
}

} // namespace rnnwb::app
