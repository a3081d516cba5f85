// The exact fast path for plain decimals (core/data/fast_decimal.h) against std::from_chars, the
// parser it stands in for: the same double, bit for bit, for every text it accepts, and every
// other form left to from_chars.
#include "core/data/fast_decimal.h"

#include <QTest>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>

namespace {

std::uint64_t bits(double v)
{
    std::uint64_t b = 0;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

// What the reader gave before the fast path: std::from_chars over the whole text.
double fromChars(const std::string& text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        qFatal("from_chars does not take '%s'", text.c_str());
    return value;
}

// The fast path's answer must be from_chars' one, down to the sign of zero.
void expectSameAsFromChars(const std::string& text)
{
    double fast = 0;
    QVERIFY2(rnnwb::parseFastDecimal(text, fast), text.c_str());
    QVERIFY2(bits(fast) == bits(fromChars(text)), text.c_str());
}

// A random decimal: sign, `whole` integer digits, `decimals` digits after the point.
std::string randomDecimal(std::mt19937_64& rng, int whole, int decimals)
{
    std::uniform_int_distribution<int> digit(0, 9);
    std::string s = rng() % 2 ? "-" : "";
    for (int i = 0; i < whole; ++i)
        s += static_cast<char>('0' + digit(rng));
    if (decimals > 0) {
        s += '.';
        for (int i = 0; i < decimals; ++i)
            s += static_cast<char>('0' + digit(rng));
    }
    return s;
}

} // namespace

class TestFastDecimal : public QObject {
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void leftToFromChars_data();
    void leftToFromChars();
    void randomDecimals();
};

void TestFastDecimal::accepted_data()
{
    QTest::addColumn<QString>("text");
    const char* const rows[][2] = {
        {"zero", "0"},
        {"negative zero", "-0"},
        {"negative zero with decimals", "-0.000"},
        {"integer", "112"},
        {"six decimals", "-0.764544"},
        {"tenth (inexact)", "0.1"},
        {"pi", "3.14159265358979"},
        {"leading zeros", "007.50"},
        {"2^53 exactly", "9007199254740992"},
        {"15 digits", "123456789012.345"},
        {"19 digits", "0.000000000000001234"},
    };
    for (const auto& [name, text] : rows)
        QTest::newRow(name) << QString::fromLatin1(text);
}

void TestFastDecimal::accepted()
{
    QFETCH(QString, text);
    expectSameAsFromChars(text.toStdString());
}

// Each of these is either not a plain decimal or beyond the exact limits: parseFastDecimal
// says no and leaves `out` as it was.
void TestFastDecimal::leftToFromChars_data()
{
    QTest::addColumn<QString>("text");
    const char* const rows[][2] = {
        {"empty", ""},
        {"sign only", "-"},
        {"plus sign", "+1"},
        {"no integer digits", ".5"},
        {"no decimals", "1."},
        {"exponent", "1e5"},
        {"two points", "1.2.3"},
        {"decimal comma", "1,5"},
        {"leading blank", " 1"},
        {"trailing blank", "1 "},
        {"hexadecimal", "0x10"},
        {"infinity", "inf"},
        {"nan", "nan"},
        {"double minus", "--1"},
        {"trailing minus", "1-"},
        {"2^53 + 1", "9007199254740993"},
        {"20 digits", "12345678901234567890"},
        {"17 digits over 2^53", "4503599627370497.5"},
        {"23 decimals", "0.00000000000000000000001"},
        {"a date", "1900-01-01"},
    };
    for (const auto& [name, text] : rows)
        QTest::newRow(name) << QString::fromLatin1(text);
}

void TestFastDecimal::leftToFromChars()
{
    QFETCH(QString, text);
    double out = 42;
    QVERIFY(!rnnwb::parseFastDecimal(text.toStdString(), out));
    QCOMPARE(out, 42.0);
}

// 200,000 random decimals of 1 to 20 digits: whatever the fast path takes matches from_chars
// bit for bit, and it takes every one of up to 15 digits (all below 2^53).
void TestFastDecimal::randomDecimals()
{
    std::mt19937_64 rng(9);
    std::size_t taken = 0;
    for (int i = 0; i < 200000; ++i) {
        const int whole = 1 + static_cast<int>(rng() % 12);
        const int decimals = static_cast<int>(rng() % 9);
        const std::string text = randomDecimal(rng, whole, decimals);
        double fast = 0;
        if (rnnwb::parseFastDecimal(text, fast)) {
            ++taken;
            QVERIFY2(bits(fast) == bits(fromChars(text)), text.c_str());
        } else {
            QVERIFY2(whole + decimals > 15, text.c_str());
        }
    }
    QVERIFY(taken > 150000);
}

QTEST_APPLESS_MAIN(TestFastDecimal)
#include "test_fast_decimal.moc"
