#pragma once
// Runs the app from its command line: parses the options, sets up the window, and carries out
// --train, --report, --screenshot, --export-charts and --quit once the window is up.
#include "app/shell/app_options.h"

#include <QElapsedTimer>
#include <QObject>

namespace rnnwb::app {

class MainWindow;
class StallMeter;
struct RunRecord;

// The whole program: reads the options, creates the QApplication, runs. Returns the exit code.
int runApplication(int& argc, char* argv[]);
// Sets the organization and application names (QSettings) and loads the bundled resources.
void initApplication();

class ScriptRunner : public QObject {
    Q_OBJECT
public:
    ScriptRunner(MainWindow& window, AppOptions options, QObject* parent = nullptr);

    // Opens the file, applies the options and starts the requested work (call once the window
    // is shown). Emits done(exitCode) when --quit is set and everything has been done.
    void start();

signals:
    void done(int exitCode);

private:
    bool prepare();
    void afterTraining(const RunRecord& run);
    void reportMeasurements(const RunRecord& run);
    void writeOutputs(const RunRecord& run);
    void finishOutputs();
    void fail(const QString& message);
    void succeed();

    MainWindow& window_;
    AppOptions options_;
    StallMeter* stall_ = nullptr;
    QElapsedTimer wall_;
    double trainWall_ = 0.0;
    QString lastError_;
    bool finished_ = false;
    bool compared_ = false; // --compare-cells: the comparison has run
};

} // namespace rnnwb::app
