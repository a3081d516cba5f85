#pragma once
// rnn-workbench's command line: an optional CSV file, every training option of `rnnwb train`
// (parsed by the core's parseTrainOptions, so both accept exactly the same words), and the
// scripting options --train, --report, --screenshot, --export-charts, --quit.
#include "core/training/train_options.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace rnnwb::app {

struct AppOptions {
    QString file;              // CSV to open instead of the bundled airline passengers
    TrainConfig config;        // the seed's defaults with the given training options applied
    QStringList arguments;     // as given, to apply the training options to other settings
    bool train = false;        // train once the window is up
    QString report;            // write the run's JSON report here (needs --train)
    QString screenshot;        // save the main window as an image (after training, with --train)
    QString exportCharts;      // save every chart as PNG, SVG and PDF into this folder
    bool quit = false;         // exit when the requested work is done (0 ok, 1 failure)
    bool measure = false;      // print timings and the longest event-loop stall to stderr
    QString view;              // the tab or teaching view shown (appViews()), before the screenshot
    QSize windowSize;          // the main window's size (invalid: the default)
    bool compareCells = false; // run the teaching views' RNN / GRU / LSTM comparison first
    bool help = false;
    bool version = false;

    // Scripted runs start from the seed recipe, not from remembered settings, so that a report
    // matches `rnnwb train` with the same options.
    bool scripted() const { return train || quit || !report.isEmpty(); }
    // `base` with the training options given on the command line applied.
    TrainConfig configOn(TrainConfig base) const;
};

// Throws UsageError (exit code 2) for an unknown option, a missing or malformed value, an
// invalid training configuration, or --report without --train.
AppOptions parseAppOptions(const QStringList& arguments);

QString appUsage();

// The names --view accepts: data, results, then the teaching views in their tab order
// (architecture, cell, inside, gradient, parameters).
QStringList appViews();

} // namespace rnnwb::app
