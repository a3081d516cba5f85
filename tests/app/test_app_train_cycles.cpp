// 100 train/stop cycles in the app: each cycle clicks Train, waits for the
// first epoch, clicks Stop and waits for the run to come back cancelled. Built with
// AddressSanitizer (build-asan), LeakSanitizer checks at exit that nothing the cycles
// allocated became unreachable: a leak fails this test there. The resident memory after the
// first 10 cycles and after all of them is printed for the record (the kept runs account for
// part of any growth: the results panel holds every run).
//   RNNWB_TRAIN_CYCLES=N overrides the count.
#include "app/panels/hyper_panel.h"
#include "app/session/training_controller.h"
#include "app/shell/app_runner.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"

#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QtTest>

#include <fstream>

#include <unistd.h>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

namespace {

// Resident set size of this process in MB (Linux /proc/self/statm: pages).
double residentMegabytes()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

} // namespace

class TestAppTrainCycles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { rnnwb::test::initGuiTest(); }

    void trainStopCyclesEndCancelledAndClean()
    {
        const int cycles = qEnvironmentVariableIsSet("RNNWB_TRAIN_CYCLES")
                               ? qEnvironmentVariableIntValue("RNNWB_TRAIN_CYCLES")
                               : 100;
        MainWindow w;
        w.setPersistent(false);
        w.show();
        auto* epochs = qobject_cast<QSpinBox*>(w.hyperPanel()->field(u"epochs"_s));
        epochs->setValue(1000000);
        auto* train = w.findChild<QToolButton*>(u"trainButton"_s);
        auto* stop = w.findChild<QToolButton*>(u"stopButton"_s);
        QSignalSpy epochDone(w.controller(), &TrainingController::epochDone);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        double afterTen = 0;
        for (int cycle = 1; cycle <= cycles; ++cycle) {
            epochDone.clear();
            QTRY_VERIFY(train->isEnabled());
            QTest::mouseClick(train, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(epochDone.count() >= 1, 30000);
            QTest::mouseClick(stop, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), cycle, 30000);
            QCOMPARE(finished.back().front().value<RunRecord>().outcome.stop, StopReason::Cancelled);
            QTRY_VERIFY(!w.controller()->busy());
            if (cycle == 10)
                afterTen = residentMegabytes();
        }
        qInfo("%d train/stop cycles: resident %.1f MB after 10, %.1f MB after %d", cycles, afterTen,
              residentMegabytes(), cycles);
    }
};

QTEST_MAIN(TestAppTrainCycles)
#include "test_app_train_cycles.moc"
