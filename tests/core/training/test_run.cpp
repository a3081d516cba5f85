// Training a configured run (training/run.h), the one path of rnnwb train, the app's Train and
// Re-run, and the sweep: a value the preprocessing refuses is named by its file and line, a
// season the training part cannot hold is refused naming the file, and the outcome carries the
// data file and the requested season.
#include "core/training/run.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace rnnwb;

namespace {

// 60 values of a positive seasonal series (period 12), read from the data lines 2, 3, ... of
// "shop.csv" (its header is line 1).
RunRequest shopRequest()
{
    RunRequest r;
    for (int t = 0; t < 60; ++t) {
        r.values.push_back(10.0 + 3.0 * std::sin(2.0 * M_PI * t / 12.0) + 0.1 * t);
        r.lines.push_back(std::size_t(t) + 2);
    }
    r.columnName = "sales";
    r.dataFile = "shop.csv";
    r.config.hidden = 4;
    r.config.layers = 1;
    r.config.epochs = 2;
    return r;
}

// The message of the std::runtime_error that `f` throws (empty when it throws none).
template <typename F>
QString runtimeError(F f)
{
    try {
        f();
    } catch (const std::runtime_error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class RunTest : public QObject {
    Q_OBJECT
private slots:
    void aRefusedValueIsNamedByFileAndLine();
    void aSeasonTheTrainingPartCannotHoldIsRefused();
    void theOutcomeCarriesTheFileAndTheSeason();
};

void RunTest::aRefusedValueIsNamedByFileAndLine()
{
    RunRequest request = shopRequest();
    request.config.preprocessing.log = true;
    request.values[7] = 0.0; // read from line 9
    const QString message = runtimeError([&] { prepareRun(request); });
    QVERIFY2(message.startsWith(u"shop.csv: "), qPrintable(message));
    QVERIFY2(message.contains(u"line 9"), qPrintable(message));
}

void RunTest::aSeasonTheTrainingPartCannotHoldIsRefused()
{
    RunRequest request = shopRequest();
    request.season = 50; // the training part touches 0.7 · 55 windows + 5 = 43 values
    const QString message = runtimeError([&] { prepareRun(request); });
    QVERIFY2(message.startsWith(u"shop.csv: --season 50"), qPrintable(message));
}

void RunTest::theOutcomeCarriesTheFileAndTheSeason()
{
    RunRequest request = shopRequest();
    request.season = 12;
    const std::unique_ptr<Trainer> trainer = prepareRun(request);
    const RunOutcome outcome = completeRun(*trainer, request);
    QCOMPARE(outcome.dataFile, std::string("shop.csv"));
    QCOMPARE(outcome.column, std::string("sales"));
    QCOMPARE(outcome.trainLoss.size(), std::size_t(2));
    QCOMPARE(outcome.baselines.season.period, 12);
    QVERIFY(outcome.baselines.season.fromUser);
}

QTEST_APPLESS_MAIN(RunTest)
#include "test_run.moc"
