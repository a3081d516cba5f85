// Hostile files and values through `rnnwb`: every bad CSV of the list is
// refused with exit code 1 and one stderr line naming the file (and the line, where there is
// one); a constant series trains without a NaN anywhere in the report; bad hyperparameters
// are refused with exit code 2 and the reason, naming the option.
#include "cli_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using rnnwb::test::CliResult;
using rnnwb::test::runRnnwb;

const QString kAirline = QStringLiteral(RNNWB_TEST_DATA "/airline-passengers.csv");

// "value\n" followed by one line per number.
QByteArray column(const QList<QByteArray>& cells)
{
    QByteArray csv = "value\n";
    for (const QByteArray& cell : cells)
        csv += cell + '\n';
    return csv;
}

// 40 ordinary values with `odd` at position `at` (0-based, so on file line at + 2).
QByteArray seriesWith(const QByteArray& odd, int at)
{
    QList<QByteArray> cells;
    for (int i = 0; i < 40; ++i)
        cells << (i == at ? odd : QByteArray::number(100 + (i * 7) % 23));
    return column(cells);
}

QByteArray utf16(const QString& text, bool bigEndian, bool bom)
{
    QByteArray out;
    if (bom)
        out += bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (const QChar c : text) {
        const char hi = char(c.unicode() >> 8), lo = char(c.unicode() & 0xFF);
        out += bigEndian ? QByteArray{&hi, 1} + QByteArray{&lo, 1} : QByteArray{&lo, 1} + QByteArray{&hi, 1};
    }
    return out;
}

// Every JSON number in `value` (recursively) that is not finite, or any string "nan"/"inf".
// nlohmann writes NaN as null, so a null among numbers that must exist counts as NaN too.
bool holdsNaN(const QJsonValue& value)
{
    if (value.isDouble())
        return !std::isfinite(value.toDouble());
    if (value.isString())
        return value.toString().contains(u"nan", Qt::CaseInsensitive)
               || value.toString().contains(u"inf", Qt::CaseInsensitive);
    if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            if (v.isNull() || holdsNaN(v))
                return true;
    }
    if (value.isObject()) {
        for (const QJsonValue& v : value.toObject())
            if (holdsNaN(v))
                return true;
    }
    return false;
}

// One line on stderr, "rnnwb: FILE..." and, when `line` > 0, "FILE:LINE:".
void checkOneLineNaming(const CliResult& r, const QString& file, int line, const QString& fragment)
{
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.endsWith(u'\n') && err.count(u'\n') == 1, qPrintable(err));
    const QString where = line > 0 ? file + u':' + QString::number(line) + u':' : file;
    QVERIFY2(err.contains(where), qPrintable(u"expected '"_s + where + u"' in: "_s + err));
    QVERIFY2(err.contains(fragment, Qt::CaseInsensitive), qPrintable(u"expected '"_s + fragment + u"' in: "_s + err));
}

} // namespace

class BadInputTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    QString write(const QString& name, const QByteArray& content)
    {
        QFile f(dir_.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write a test file");
        return f.fileName();
    }

private slots:
    void badFilesAreRefusedNamingTheFileAndLine_data();
    void badFilesAreRefusedNamingTheFileAndLine();
    void constantSeriesTrainWithoutNaN_data();
    void constantSeriesTrainWithoutNaN();
    void badHyperparametersAreRefusedWithTheReason_data();
    void badHyperparametersAreRefusedWithTheReason();
    void splitsThatLeaveAPartEmptyAreRefused_data();
    void splitsThatLeaveAPartEmptyAreRefused();
    void latin1FileIsReadWithAWarning();
};

void BadInputTest::badFilesAreRefusedNamingTheFileAndLine_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");         // 0: the message names no line
    QTest::addColumn<QString>("fragment"); // part of the reason
    QTest::addColumn<bool>("unreadable");  // the reader refuses it (describe too), not only training
    QByteArray binary;
    for (int i = 0; i < 512; ++i)
        binary += char((i * 37 + 11) % 256 == 0 ? 1 : (i * 37 + 11) % 256);
    const QString table = u"value\n1\n2\n3\n"_s;
    QByteArray nul = column({"1", "2", "3", "4"});
    nul.insert(nul.indexOf("3"), '\0');

    QTest::newRow("empty file") << QByteArray() << 0 << u"empty"_s << true;
    QTest::newRow("only blank lines") << QByteArray("\n \r\n\t\n") << 0 << u"empty"_s << true;
    QTest::newRow("header only") << QByteArray("value\n") << 1 << u"no data rows"_s << true;
    QTest::newRow("binary data") << binary << 1 << u"binary"_s << true;
    QTest::newRow("UTF-16 LE with BOM") << utf16(table, false, true) << 1 << u"UTF-16"_s << true;
    QTest::newRow("UTF-16 BE with BOM") << utf16(table, true, true) << 1 << u"UTF-16"_s << true;
    QTest::newRow("UTF-16 without BOM") << utf16(table, false, false) << 1 << u"UTF-16"_s << true;
    QTest::newRow("NUL byte") << nul << 4 << u"NUL"_s << true;
    QTest::newRow("unterminated quote") << QByteArray("value\n1\n2\n\"3\n4\n5\n") << 4 << u"unterminated"_s << true;
    QTest::newRow("ragged rows") << QByteArray("a,b\n1,2\n3,4\n5\n6,7\n") << 4 << u"1 field,"_s << true;
    QTest::newRow("infinite value") << seriesWith("inf", 20) << 22 << u"not finite"_s << false;
    QTest::newRow("negative infinity") << seriesWith("-Infinity", 3) << 5 << u"not finite"_s << false;
    QTest::newRow("1e300") << seriesWith("1e300", 30) << 32 << u"too large"_s << false;
    QTest::newRow("beyond double") << seriesWith("1e400", 7) << 9 << u"not finite"_s << false;
    QTest::newRow("fewer rows than the window") << column({"1", "2", "3", "4"}) << 0 << u"window of 5"_s << false;
    QTest::newRow("no numeric column") << QByteArray("name,city\nann,oslo\nbob,rome\n") << 0 << u"numeric"_s << false;
    QTest::newRow("single 200 kB line") << QByteArray(200 * 1024, 'x') << 1 << u"no data rows"_s << true;
    QTest::newRow("single 200 kB line of numbers")
        << QByteArray("1,").repeated(100 * 1024).chopped(1) << 0 << u"window of 5"_s << false;
    QTest::newRow("200 kB quoted cell, unterminated")
        << (column({"1", "2"}) + '"' + QByteArray(200 * 1024, 'y')) << 4 << u"unterminated"_s << true;
}

void BadInputTest::badFilesAreRefusedNamingTheFileAndLine()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    QFETCH(bool, unreadable);
    const QString path = write(u"bad input.csv"_s, content);
    for (const QString& command : {u"train"_s, u"describe"_s}) {
        if (command == u"describe" && !unreadable)
            continue; // a table describe shows as it is; training refuses its values
        QStringList args{command, u"--csv"_s, path};
        if (command == u"train")
            args << u"--epochs"_s << u"1"_s;
        const CliResult r = runRnnwb(args);
        QCOMPARE(r.exitCode, 1);
        checkOneLineNaming(r, path, line, fragment);
        QVERIFY(r.out.isEmpty());
    }
}

void BadInputTest::constantSeriesTrainWithoutNaN_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("constant 7, min-max") << QByteArray("7") << QStringList{};
    QTest::newRow("constant 0, min-max") << QByteArray("0") << QStringList{};
    QTest::newRow("constant 0, z-score") << QByteArray("0") << QStringList{u"--scaler"_s, u"zscore"_s};
    QTest::newRow("constant -3.5, sequence, validation")
        << QByteArray("-3.5") << QStringList{u"--layout"_s, u"sequence"_s, u"--val-split"_s, u"0.1"_s};
}

// A zero range must not divide by zero anywhere: losses, predictions and the errors that
// exist for a constant series are finite numbers. Metrics that are undefined for it (MAPE of
// zeros, R², MASE with a perfect naive forecast) are null, never NaN.
void BadInputTest::constantSeriesTrainWithoutNaN()
{
    QFETCH(QByteArray, value);
    QFETCH(QStringList, extra);
    const QString path = write(u"constant.csv"_s, column(QList<QByteArray>(60, value)));
    const CliResult r = runRnnwb(
        QStringList{u"train"_s, u"--csv"_s, path, u"--epochs"_s, u"3"_s, u"--hidden"_s, u"4"_s, u"--json"_s, u"-"_s}
        + extra);
    QCOMPARE(r.exitCode, 0);
    for (QByteArray text : {r.out, r.err}) { // --json - moves the summary to stderr
        text.replace(path.toUtf8(), "FILE"); // a temporary folder's name may hold "inf"
        QVERIFY2(!text.contains("nan") && !text.contains("NaN") && !text.contains("inf"), text.constData());
    }
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    for (const char* key : {"train_loss", "test_predictions", "test_actual"}) {
        QVERIFY2(report[QLatin1String(key)].toArray().size() > 0, key);
        QVERIFY2(!holdsNaN(report[QLatin1String(key)]), key);
    }
    const QJsonObject test = report[u"test"_s].toObject();
    for (const char* key : {"mse_scaled", "mse", "rmse", "mae"})
        QVERIFY2(test[QLatin1String(key)].isDouble() && std::isfinite(test[QLatin1String(key)].toDouble()), key);
    for (const QJsonValue& v : report[u"test_actual"_s].toArray())
        QCOMPARE(v.toDouble(), value.toDouble());

    const CliResult text = runRnnwb({u"train"_s, u"--csv"_s, path, u"--epochs"_s, u"2"_s, u"--hidden"_s, u"4"_s});
    QCOMPARE(text.exitCode, 0);
    const QByteArray summary = QByteArray(text.out).replace(path.toUtf8(), "FILE");
    QVERIFY2(!summary.contains("nan") && !summary.contains("inf"), summary.constData());
}

void BadInputTest::badHyperparametersAreRefusedWithTheReason_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option");
    const auto row
        = [](const char* name, QStringList args, const QString& option) { QTest::newRow(name) << args << option; };
    row("hidden 0", {u"--hidden"_s, u"0"_s}, u"--hidden"_s);
    row("hidden negative", {u"--hidden"_s, u"-8"_s}, u"--hidden"_s);
    row("hidden absurd", {u"--hidden"_s, u"100000000"_s}, u"--hidden"_s);
    row("layers 0", {u"--layers"_s, u"0"_s}, u"--layers"_s);
    row("layers negative", {u"--layers"_s, u"-1"_s}, u"--layers"_s);
    row("window 0", {u"--window"_s, u"0"_s}, u"--window"_s);
    row("window negative", {u"--window"_s, u"-5"_s}, u"--window"_s);
    row("epochs 0", {u"--epochs"_s, u"0"_s}, u"--epochs"_s);
    row("epochs negative", {u"--epochs"_s, u"-10"_s}, u"--epochs"_s);
    row("batch negative", {u"--layout"_s, u"sequence"_s, u"--batch"_s, u"-4"_s}, u"--batch"_s);
    row("learning rate 0", {u"--lr"_s, u"0"_s}, u"--lr"_s);
    row("learning rate 1e6", {u"--lr"_s, u"1e6"_s}, u"--lr"_s);
    row("learning rate negative", {u"--lr"_s, u"-0.01"_s}, u"--lr"_s);
    row("learning rate not a number", {u"--lr"_s, u"fast"_s}, u"--lr"_s);
    row("learning rate NaN", {u"--lr"_s, u"nan"_s}, u"--lr"_s);
    row("clip negative", {u"--clip"_s, u"-1"_s}, u"--clip"_s);
    row("train split 0", {u"--train-split"_s, u"0"_s}, u"--train-split"_s);
    row("train split 1", {u"--train-split"_s, u"1"_s}, u"--train-split"_s);
    row("train split negative", {u"--train-split"_s, u"-0.5"_s}, u"--train-split"_s);
    row("validation split negative", {u"--val-split"_s, u"-0.1"_s}, u"--val-split"_s);
    row("train + validation leave no test part", {u"--train-split"_s, u"0.7"_s, u"--val-split"_s, u"0.3"_s},
        u"no test part"_s);
}

void BadInputTest::badHyperparametersAreRefusedWithTheReason()
{
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    const CliResult r = runRnnwb(QStringList{u"train"_s, u"--csv"_s, kAirline} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.contains(option), qPrintable(err));
}

// Splits within range that still leave no window for a part, given this series' length.
void BadInputTest::splitsThatLeaveAPartEmptyAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("training part empty") << QStringList{u"--train-split"_s, u"0.001"_s} << u"training part is empty"_s;
    QTest::newRow("validation part empty")
        << QStringList{u"--val-split"_s, u"0.001"_s} << u"validation part is empty"_s;
}

void BadInputTest::splitsThatLeaveAPartEmptyAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fragment);
    const CliResult r = runRnnwb(QStringList{u"train"_s, u"--csv"_s, kAirline, u"--epochs"_s, u"1"_s} + args);
    QCOMPARE(r.exitCode, 1);
    checkOneLineNaming(r, kAirline, 0, fragment);
}

// A spreadsheet export in Latin-1 ("Température"): read, names shown correctly, and a warning
// that names the line of the first byte that is not UTF-8.
void BadInputTest::latin1FileIsReadWithAWarning()
{
    QByteArray csv = "Date,Temp\xE9rature\n";
    for (int d = 1; d <= 20; ++d)
        csv += "2020-01-" + QByteArray::number(d).rightJustified(2, '0') + ',' + QByteArray::number(d % 7) + '\n';
    const QString path = write(u"latin1.csv"_s, csv);
    const CliResult r = runRnnwb({u"describe"_s, u"--csv"_s, path, u"--json"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject d = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(d[u"columns"_s].toArray()[1].toObject()[u"name"_s].toString(), u"Température"_s);
    const QJsonArray warnings = d[u"warnings"_s].toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings[0].toObject()[u"line"_s].toInt(), 1);
    QVERIFY(warnings[0].toObject()[u"message"_s].toString().contains(u"Latin-1"));
}

QTEST_APPLESS_MAIN(BadInputTest)
#include "test_bad_input.moc"
