// GUI tests of the Data and Hyperparameters panels: opening files through the app's open path,
// import warnings, the column picker, bundled and generated series, a bad CSV (error shown,
// previous data kept), validation next to the controls, remembered hyperparameters.
#include "app/charts/series_plot.h"
#include "app/panels/data_panel.h"
#include "app/panels/hyper_panel.h"
#include "app/panels/training_panel.h"
#include "app/session/data_document.h"
#include "app/session/teaching_series.h"
#include "app/shell/app_runner.h"
#include "app/shell/app_settings.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::app;

namespace {

// Types a value into a spin box the way a user does: select all, type, Enter.
using rnnwb::test::typeInto;

QAction* findAction(QMenu* menu, const QString& textPart)
{
    for (QAction* a : menu->actions())
        if (a->text().remove(u'&').contains(textPart))
            return a;
    return nullptr;
}

} // namespace

class TestAppData : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QString writeFile(const QString& name, const QByteArray& content)
    {
        return rnnwb::test::writeTestFile(dir_, name, content);
    }

private slots:
    void initTestCase()
    {
        rnnwb::test::initGuiTest();
        QVERIFY(dir_.isValid());
    }

    void startsWithTheAirlinePassengers()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.document()->label().contains(u"airline-passengers.csv"));
        QVERIFY(w.document()->series());
        QCOMPARE(w.document()->series()->values.size(), std::size_t(144));
        QVERIFY(w.document()->plotSeries()->dates); // the Month column drives the x axis
        QCOMPARE(w.dataPanel()->seriesPlot()->seriesGraph()->dataCount(), 144);
        QCOMPARE(w.hyperPanel()->config(), TrainConfig{}); // the seed recipe
        QVERIFY(w.actions().train->isEnabled());
    }

    void opensACsvAndShowsImportWarnings()
    {
        QByteArray csv = "date,sales,temp\n";
        for (int d = 1; d <= 30; ++d)
            csv += QStringLiteral("2020-01-%1,%2,%3\n")
                       .arg(d, 2, 10, QLatin1Char('0'))
                       .arg(d == 3 ? QString() : QString::number(d * 1.5))
                       .arg(20 - d)
                       .toUtf8();
        const QString path = writeFile(QStringLiteral("sales.csv"), csv);
        MainWindow w;
        w.show();
        QVERIFY(w.openDataFile(path));
        QCOMPARE(w.document()->label(), QStringLiteral("sales.csv"));
        QCOMPARE(w.document()->series()->values.size(), std::size_t(29)); // one row dropped
        auto* warnings = w.findChild<QListWidget*>(QStringLiteral("warningsList"));
        QVERIFY(warnings);
        QCOMPARE(warnings->count(), 1);
        QVERIFY2(warnings->item(0)->text().contains(u"line 4"), qPrintable(warnings->item(0)->text()));
        auto* table = w.findChild<QTableView*>(QStringLiteral("tableView"));
        QCOMPARE(table->model()->rowCount(), 30);
        QCOMPARE(table->model()->headerData(2, Qt::Vertical).toString(), QStringLiteral("4")); // file line
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("infoLabel"))->text().contains(u"import warning"));
    }

    void badCsvShowsAnErrorAndKeepsTheData_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("exists");
        QTest::newRow("empty file") << QByteArray() << true;
        QTest::newRow("no numeric column") << QByteArray("name,city\nann,oslo\nbob,rome\n") << true;
        QTest::newRow("missing file") << QByteArray() << false;
    }

    void badCsvShowsAnErrorAndKeepsTheData()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, exists);
        const QString path
            = exists ? writeFile(QStringLiteral("bad.csv"), content) : dir_.filePath(QStringLiteral("nope.csv"));
        MainWindow w;
        w.show();
        const QString before = w.document()->label();
        QSignalSpy errors(&w, &MainWindow::errorOccurred);
        QVERIFY(!w.openDataFile(path));
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.front().front().toString().contains(QFileInfo(path).fileName()),
                 qPrintable(errors.front().front().toString()));
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible()); // shown without blocking this call
        QTest::keyClick(box, Qt::Key_Enter);
        QTRY_VERIFY(!w.findChild<QMessageBox*>(QStringLiteral("errorBox")));
        QCOMPARE(w.document()->label(), before);
        QCOMPARE(w.document()->series()->values.size(), std::size_t(144));
        QVERIFY(w.actions().train->isEnabled());
    }

    void columnPickerSwitchesTheSeries()
    {
        const QString path
            = writeFile(QStringLiteral("two.csv"),
                        "a,b\n1,10\n2,20\n3,30\n4,40\n5,50\n6,60\n7,70\n8,80\n9,90\n10,100\n11,110\n12,120\n");
        MainWindow w;
        w.show();
        QVERIFY(w.openDataFile(path));
        auto* combo = w.findChild<QComboBox*>(QStringLiteral("columnCombo"));
        QCOMPARE(combo->count(), 2);
        QCOMPARE(w.document()->series()->values.front(), 1.0);
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(w.document()->column(), 1);
        QCOMPARE(w.document()->series()->values.front(), 10.0);
        QCOMPARE(w.effectiveConfig().column, std::string("b"));
        QCOMPARE(w.dataPanel()->seriesPlot()->seriesGraph()->data()->at(0)->value, 10.0);
    }

    void bundledAndTeachingSeries_data()
    {
        QTest::addColumn<QString>("menuText");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("hint");
        QTest::newRow("sunspots") << "sunspots"
                                  << "monthly-sunspots.csv" << 2820 << false;
        QTest::newRow("temperatures") << "temperatures"
                                      << "daily-min-temperatures.csv" << 3650 << false;
        QTest::newRow("sine") << "Sine"
                              << "Sine + noise" << 400 << true;
        QTest::newRow("long memory") << "Long memory"
                                     << "Long memory" << 600 << true;
    }

    void bundledAndTeachingSeries()
    {
        QFETCH(QString, menuText);
        QFETCH(QString, label);
        QFETCH(int, length);
        QFETCH(bool, hint);
        MainWindow w;
        w.show();
        QMenu* samples = w.findChild<QToolButton*>(QStringLiteral("samplesButton"))->menu();
        QAction* action = findAction(samples, menuText);
        QVERIFY(action);
        action->trigger();
        QVERIFY2(w.document()->label().contains(label), qPrintable(w.document()->label()));
        QCOMPARE(int(w.document()->series()->values.size()), length);
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("hintLabel"))->isVisible(), hint);
        QCOMPARE(w.dataPanel()->seriesPlot()->seriesGraph()->dataCount(), length);
    }

    void teachingSeriesAreDeterministic()
    {
        QCOMPARE(sineWithNoise(), sineWithNoise());
        QCOMPARE(longMemory(), longMemory());
        QVERIFY(sineWithNoise(400, 25, 0.1, 1) != sineWithNoise(400, 25, 0.1, 2));
        // Long memory: the value 24 steps back explains most of each value.
        const std::vector<double> x = longMemory(600, 24);
        double near = 0, far = 0;
        for (std::size_t t = 24; t < x.size(); ++t) {
            far += (x[t] - 0.9 * x[t - 24]) * (x[t] - 0.9 * x[t - 24]);
            near += (x[t] - x[t - 1]) * (x[t] - x[t - 1]);
        }
        QVERIFY(far < 0.3 * near);
    }

    void invalidSettingsDisableTrainWithTheReason()
    {
        MainWindow w;
        w.show();
        auto* window = qobject_cast<QSpinBox*>(w.hyperPanel()->field(QStringLiteral("window")));
        auto* trainButton = w.findChild<QToolButton*>(QStringLiteral("trainButton"));
        auto* reason = w.findChild<QLabel*>(QStringLiteral("reasonLabel"));
        QVERIFY(trainButton->isEnabled());
        typeInto(window, QStringLiteral("150")); // the series has 144 values
        QCOMPARE(w.hyperPanel()->config().window, 150);
        QVERIFY(!w.actions().train->isEnabled());
        QVERIFY(!trainButton->isEnabled());
        QLabel* problem = w.hyperPanel()->problemLabel(QStringLiteral("window"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"144 values"), qPrintable(problem->text()));
        QVERIFY(reason->isVisible());
        QVERIFY2(reason->text().startsWith(u"Cannot train"), qPrintable(reason->text()));

        typeInto(window, QStringLiteral("5"));
        QVERIFY(w.actions().train->isEnabled());
        QVERIFY(!problem->isVisible());
        QVERIFY(!reason->isVisible());

        auto* val = qobject_cast<QDoubleSpinBox*>(w.hyperPanel()->field(QStringLiteral("val-split")));
        typeInto(val, QStringLiteral("0.3"));
        QVERIFY(!w.actions().train->isEnabled());
        QLabel* splitProblem = w.hyperPanel()->problemLabel(QStringLiteral("train-split"));
        QVERIFY(splitProblem->isVisible());
        QVERIFY2(splitProblem->text().contains(u"Validation part"), qPrintable(splitProblem->text()));
    }

    void hyperparametersAreRemembered()
    {
        QSettings().clear();
        {
            MainWindow w;
            w.show();
            typeInto(qobject_cast<QSpinBox*>(w.hyperPanel()->field(QStringLiteral("epochs"))), QStringLiteral("123"));
            auto* cell = qobject_cast<QComboBox*>(w.hyperPanel()->field(QStringLiteral("cell")));
            QTest::keyClick(cell, Qt::Key_Down); // LSTM -> GRU
            QVERIFY(w.close());
        }
        const std::optional<TrainConfig> saved = lastConfig();
        QVERIFY(saved);
        QCOMPARE(saved->epochs, 123);
        QCOMPARE(saved->cell, CellType::Gru);

        MainWindow again;
        ScriptRunner runner(again, parseAppOptions({QStringLiteral("--hidden"), QStringLiteral("8")}));
        runner.start();
        QCOMPARE(again.hyperPanel()->config().epochs, 123); // remembered
        QCOMPARE(again.hyperPanel()->config().hidden, 8);   // the command line on top
        QCOMPARE(again.hyperPanel()->config().cell, CellType::Gru);
        again.setPersistent(false);
    }
};

QTEST_MAIN(TestAppData)
#include "test_app_data.moc"
