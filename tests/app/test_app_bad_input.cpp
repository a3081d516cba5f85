// GUI side of hostile files and values: a CSV the reader refuses shows its
// message (naming the file and line) and keeps the data that was open; a file whose values
// cannot be trained on opens but Train is disabled with the reason; a constant series trains
// without a NaN in the results; bad hyperparameters disable Train with the reason next to the
// control, and values no control accepts cannot be entered.
#include "app/panels/hyper_panel.h"
#include "app/panels/learning_rate_edit.h"
#include "app/panels/results_panel.h"
#include "app/panels/training_panel.h"
#include "app/session/data_document.h"
#include "app/shell/app_runner.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"

#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <cmath>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

namespace {

using rnnwb::test::typeInto;

QAbstractSpinBox* spin(MainWindow& w, const QString& option)
{
    QWidget* field = w.hyperPanel()->field(option);
    if (auto* lr = qobject_cast<LearningRateEdit*>(field))
        return lr->spinBox();
    return qobject_cast<QAbstractSpinBox*>(field);
}

QByteArray column(int rows, const QByteArray& value)
{
    QByteArray csv = "value\n";
    for (int i = 0; i < rows; ++i)
        csv += value + '\n';
    return csv;
}

// 40 ordinary values with `odd` on file line at + 2.
QByteArray seriesWith(const QByteArray& odd, int at)
{
    QByteArray csv = "value\n";
    for (int i = 0; i < 40; ++i)
        csv += (i == at ? odd : QByteArray::number(100 + (i * 7) % 23)) + '\n';
    return csv;
}

QByteArray utf16le(const QString& text, bool bom)
{
    QByteArray out = bom ? QByteArray("\xFF\xFE") : QByteArray();
    for (const QChar c : text)
        out += char(c.unicode() & 0xFF) + QByteArray(1, char(c.unicode() >> 8));
    return out;
}

// "FILE:LINE:" in messages built from the reader's errors; just FILE when there is no line.
QString where(const QString& path, int line) { return line > 0 ? path + u':' + QString::number(line) + u':' : path; }

} // namespace

class TestAppBadInput : public QObject {
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

    void refusedFileShowsTheMessageAndKeepsTheData_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("fragment");
        QByteArray binary;
        for (int i = 0; i < 512; ++i)
            binary += char(1 + (i * 37 + 11) % 255);
        QByteArray nul = "value\n1\n2\n3\n";
        nul.insert(nul.indexOf('3'), '\0');
        QTest::newRow("empty file") << QByteArray() << 0 << u"empty"_s;
        QTest::newRow("header only") << QByteArray("value\n") << 1 << u"no data rows"_s;
        QTest::newRow("binary data") << binary << 1 << u"binary"_s;
        QTest::newRow("UTF-16 with BOM") << utf16le(u"value\n1\n2\n"_s, true) << 1 << u"UTF-16"_s;
        QTest::newRow("UTF-16 without BOM") << utf16le(u"value\n1\n2\n"_s, false) << 1 << u"UTF-16"_s;
        QTest::newRow("NUL byte") << nul << 4 << u"NUL"_s;
        QTest::newRow("unterminated quote") << QByteArray("value\n1\n\"2\n3\n") << 3 << u"unterminated"_s;
        QTest::newRow("ragged rows") << QByteArray("a,b\n1,2\n3\n4,5\n") << 3 << u"field"_s;
        QTest::newRow("single 200 kB line") << QByteArray(200 * 1024, 'x') << 1 << u"no data rows"_s;
        QTest::newRow("no numeric column") << QByteArray("name,city\nann,oslo\nbob,rome\n") << 0 << u"numeric"_s;
    }

    void refusedFileShowsTheMessageAndKeepsTheData()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, fragment);
        const QString path = writeFile(u"refused.csv"_s, content);
        MainWindow w;
        w.setPersistent(false);
        w.show();
        const QString before = w.document()->label();
        QSignalSpy errors(&w, &MainWindow::errorOccurred);
        QVERIFY(!w.openDataFile(path));
        QCOMPARE(errors.count(), 1);
        const QString message = errors.front().front().toString();
        QVERIFY2(message.contains(where(path, line)), qPrintable(message));
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QVERIFY2(!message.contains(u'\n'), qPrintable(message));
        auto* box = w.findChild<QMessageBox*>(u"errorBox"_s);
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->text(), message);
        QTest::keyClick(box, Qt::Key_Enter);
        QTRY_VERIFY(!w.findChild<QMessageBox*>(u"errorBox"_s));
        QCOMPARE(w.document()->label(), before);
        QCOMPARE(w.document()->series()->values.size(), std::size_t(144));
        QVERIFY(w.actions().train->isEnabled());
    }

    // A table the reader can read, whose chosen column cannot be trained on: the table is
    // shown (another column may be fine), Train is disabled and says why, naming the line.
    void untrainableValuesDisableTrainWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("infinite value") << seriesWith("inf", 20) << 22 << u"not finite"_s;
        QTest::newRow("1e300") << seriesWith("1e300", 5) << 7 << u"too large"_s;
        QTest::newRow("beyond double") << seriesWith("-1e400", 30) << 32 << u"not finite"_s;
        QTest::newRow("fewer rows than the window") << column(4, "3") << 0 << u"4 values"_s;
    }

    void untrainableValuesDisableTrainWithTheReason()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, fragment);
        const QString path = writeFile(u"untrainable.csv"_s, content);
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.openDataFile(path));
        QVERIFY(!w.actions().train->isEnabled());
        QVERIFY(!w.findChild<QToolButton*>(u"trainButton"_s)->isEnabled());
        const QString reason = w.trainingPanel()->blockedReason();
        QVERIFY2(reason.startsWith(u"Cannot train"), qPrintable(reason));
        QVERIFY2(reason.contains(fragment), qPrintable(reason));
        if (line > 0)
            QVERIFY2(reason.contains(where(path, line)), qPrintable(reason));
        QString why;
        QVERIFY(!w.startTraining(false, &why));
        QVERIFY(!why.isEmpty());
    }

    // Zero range: min-max scaling must not divide by zero. Losses, predictions and the
    // metrics table hold no NaN or infinity.
    void constantSeriesTrainsWithoutNaN()
    {
        const QString path = writeFile(u"constant.csv"_s, column(60, "0"));
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.openDataFile(path));
        typeInto(spin(w, u"epochs"_s), u"3"_s);
        typeInto(spin(w, u"hidden"_s), u"4"_s);
        QVERIFY(w.actions().train->isEnabled());
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::mouseClick(w.findChild<QToolButton*>(u"trainButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const RunRecord run = finished.front().front().value<RunRecord>();
        QCOMPARE(run.outcome.stop, StopReason::Completed);
        for (const double loss : run.outcome.trainLoss)
            QVERIFY(std::isfinite(loss));
        for (const double p : run.outcome.test.prediction.predicted)
            QVERIFY(std::isfinite(p));
        QVERIFY(std::isfinite(run.outcome.test.metrics.rmse));
        const QTableWidget* metrics = w.resultsPanel()->metricsTable();
        QVERIFY(metrics->rowCount() > 0);
        for (int r = 0; r < metrics->rowCount(); ++r)
            for (int c = 0; c < metrics->columnCount(); ++c)
                if (const QTableWidgetItem* item = metrics->item(r, c))
                    QVERIFY2(!item->text().contains(u"nan", Qt::CaseInsensitive)
                                 && !item->text().contains(u"inf", Qt::CaseInsensitive),
                             qPrintable(item->text()));
    }

    void badHyperparameterDisablesTrainWithTheReason_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problemAt"); // the control whose note explains it
        QTest::newRow("hidden 0") << u"hidden"_s << u"0"_s << u"hidden"_s;
        QTest::newRow("hidden above 4096") << u"hidden"_s << u"5000"_s << u"hidden"_s;
        QTest::newRow("layers 0") << u"layers"_s << u"0"_s << u"layers"_s;
        QTest::newRow("window 0") << u"window"_s << u"0"_s << u"window"_s;
        QTest::newRow("window longer than the series") << u"window"_s << u"150"_s << u"window"_s;
        QTest::newRow("epochs 0") << u"epochs"_s << u"0"_s << u"epochs"_s;
        QTest::newRow("training split 0") << u"train-split"_s << u"0"_s << u"train-split"_s;
        QTest::newRow("training part too small to hold a window") << u"train-split"_s << u"0.001"_s << u"train-split"_s;
        QTest::newRow("validation leaves no test part") << u"val-split"_s << u"0.3"_s << u"train-split"_s;
    }

    void badHyperparameterDisablesTrainWithTheReason()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, problemAt);
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.actions().train->isEnabled());
        typeInto(spin(w, option), value);
        QVERIFY(!w.actions().train->isEnabled());
        QVERIFY(!w.findChild<QToolButton*>(u"trainButton"_s)->isEnabled());
        const QString reason = w.trainingPanel()->blockedReason();
        QVERIFY2(reason.startsWith(u"Cannot train"), qPrintable(reason));
        QLabel* note = w.hyperPanel()->problemLabel(problemAt);
        QVERIFY(note && note->isVisible());
        QVERIFY(!note->text().isEmpty());
        QString why;
        QVERIFY(!w.startTraining(false, &why));
    }

    // The learning-rate control only holds values in (0, 100]: 0 and 1e6 cannot be entered.
    void learningRateOutsideItsRangeCannotBeEntered_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("0") << u"0"_s;
        QTest::newRow("negative") << u"-0.5"_s;
        QTest::newRow("1e6") << u"1000000"_s;
    }

    void learningRateOutsideItsRangeCannotBeEntered()
    {
        QFETCH(QString, typed);
        MainWindow w;
        w.setPersistent(false);
        w.show();
        typeInto(spin(w, u"lr"_s), typed);
        const double lr = w.hyperPanel()->config().learningRate;
        QVERIFY2(lr > 0 && lr <= 100, qPrintable(QString::number(lr)));
        QVERIFY(w.actions().train->isEnabled());
    }
};

QTEST_MAIN(TestAppBadInput)
#include "test_app_bad_input.moc"
