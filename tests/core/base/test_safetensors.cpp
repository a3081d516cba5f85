// Safetensors reader/writer and atomic file writing.
//
// - round trips through writeSafetensors/readSafetensors keep names, shapes, values (as
//   float) and metadata; the serialized layout is what the format and PyTorch expect;
// - a file written by PyTorch's reference tool reads with the right names and shapes;
// - every malformed input is refused with a FileFormatError that names the file and the
//   problem, and no corrupted input (truncated or mutated) escapes with anything else;
// - atomic writes replace a file whole or leave it untouched.
#include "core/base/atomic_file.h"
#include "core/base/safetensors.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>

#include <fcntl.h>
#include <linux/capability.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

Q_DECLARE_METATYPE(rnnwb::SafetensorsFile)

using namespace Qt::StringLiterals; // u"..."_s

namespace {

namespace fs = std::filesystem;
const std::string kFixture
    = std::string(RNNWB_TEST_DATA) + "/safetensors/gru_features_w5_h16_l1_torchseed2.init.safetensors";
const std::string kSource = "bad.safetensors"; // the name malformed inputs are parsed under

std::span<const std::byte> asBytes(const QByteArray& a)
{
    return std::as_bytes(std::span<const char>(a.constData(), static_cast<std::size_t>(a.size())));
}

// A safetensors file: 8-byte little-endian length, `header` as is, `dataBytes` data bytes.
QByteArray stFile(const QByteArray& header, int dataBytes = 0)
{
    QByteArray out;
    auto n = static_cast<std::uint64_t>(header.size());
    for (int i = 0; i < 8; ++i, n >>= 8)
        out.append(static_cast<char>(n & 0xff));
    out.append(header);
    out.append(QByteArray(dataBytes, '\0'));
    return out;
}

// Just the 8-byte length field, claiming `n` header bytes.
QByteArray lengthOnly(std::uint64_t n)
{
    QByteArray out;
    for (int i = 0; i < 8; ++i, n >>= 8)
        out.append(static_cast<char>(n & 0xff));
    return out;
}

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The regular files in `dir` (to prove no temporary file is left behind).
QStringList filesIn(const std::string& dir)
{
    QStringList names;
    for (const fs::directory_entry& e : fs::directory_iterator(dir))
        names << QString::fromStdString(e.path().filename().string());
    names.sort();
    return names;
}

rnnwb::SafetensorsFile smallModel()
{
    rnnwb::SafetensorsFile f;
    f.metadata = {{"cell", "lstm"}, {"window", "5"}};
    f.tensors
        = {{"lstm.weight_ih_l0", {4, 2}, {0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8}}, {"linear.bias", {1}, {0.25}}};
    return f;
}

// Caps the size of files this process may write, for as long as it lives. Writing past
// the cap fails with EFBIG (SIGXFSZ ignored), which simulates a full disk even for root.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &previous_);
        rlimit limit = previous_;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &previous_);
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit previous_{};
    void (*previousHandler_)(int) = nullptr;
};

// Takes CAP_DAC_OVERRIDE out of this thread's effective capabilities for as long as it lives,
// so that a directory's permission bits stop root too: a read-only directory then refuses new
// files to every user. The capability stays in the permitted set and comes back at the end.
// (glibc has no wrapper for capget/capset; the kernel's ABI is two 32-bit words per set.)
class WithoutPermissionOverride {
public:
    WithoutPermissionOverride()
    {
        header_.version = _LINUX_CAPABILITY_VERSION_3;
        if (::syscall(SYS_capget, &header_, saved_) != 0)
            return;
        __user_cap_data_struct reduced[2] = {saved_[0], saved_[1]};
        reduced[CAP_TO_INDEX(CAP_DAC_OVERRIDE)].effective &= ~CAP_TO_MASK(CAP_DAC_OVERRIDE);
        active_ = ::syscall(SYS_capset, &header_, reduced) == 0;
    }
    ~WithoutPermissionOverride()
    {
        if (active_)
            ::syscall(SYS_capset, &header_, saved_);
    }
    WithoutPermissionOverride(const WithoutPermissionOverride&) = delete;
    WithoutPermissionOverride& operator=(const WithoutPermissionOverride&) = delete;

private:
    __user_cap_header_struct header_{};
    __user_cap_data_struct saved_[2]{};
    bool active_ = false;
};

// True if this process can create files in `dir` despite its permissions (root can).
bool canWriteInto(const std::string& dir)
{
    const std::string probe = dir + "/probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    ::unlink(probe.c_str());
    return true;
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void serializedLayout();
    void readsPyTorchFixture_data();
    void readsPyTorchFixture();
    void readsPyTorchFixtureOrderAndValues();
    void readsReferenceWriterDtypes();
    void decodesDtypes_data();
    void decodesDtypes();
    void acceptsValidVariants_data();
    void acceptsValidVariants();
    void rejectsMalformedFile_data();
    void rejectsMalformedFile() { checkRejected(); }
    void rejectsMalformedTensor_data();
    void rejectsMalformedTensor() { checkRejected(); }
    void rejectsHeaderOverLimit();
    void survivesCorruption();
    void readFileErrors_data();
    void readFileErrors();
    void writerRejectsInvalidModels_data();
    void writerRejectsInvalidModels();
    void atomicWriteCreatesAndOverwrites();
    void atomicWriteKeepsPermissionsAndLinks();
    void atomicWriteFailureKeepsOldFile_data();
    void atomicWriteFailureKeepsOldFile();
    void writeSafetensorsFailureKeepsOldFile();
    void saveKilledWhileWritingLeavesOldFile();
    void saveKilledAtAnyMomentLeavesAWholeFile();
    void leftoverOfAKilledWriterIsRemoved();

private:
    void checkRejected();
};

// ---------------------------------------------------------------------------------------
// Round trips and layout

void TestSafetensors::roundTrip_data()
{
    QTest::addColumn<rnnwb::SafetensorsFile>("model");
    rnnwb::SafetensorsFile f = smallModel();
    QTest::newRow("lstm-like with metadata") << f;

    f.metadata.clear();
    QTest::newRow("no metadata") << f;

    rnnwb::SafetensorsFile odd;
    odd.metadata = {{"column", "Passagiere \xc3\xa4\xe2\x82\xac"}, {"empty", ""}, {"json", "{\"a\": [1, 2]}"}};
    odd.tensors = {{"scalar", {}, {3.5}},
                   {"empty", {0, 3}, {}},
                   {"name with spaces/and.dots", {2}, {1e-45, -0.0}},
                   {"extremes", {3}, {3.4e38, -1.17549435e-38, 0.1}}};
    QTest::newRow("scalar, empty, odd names and values") << odd;

    rnnwb::SafetensorsFile none;
    QTest::newRow("no tensors at all") << none;
}

void TestSafetensors::roundTrip()
{
    QFETCH(rnnwb::SafetensorsFile, model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("model.safetensors")).toStdString();

    rnnwb::writeSafetensors(path, model);
    const rnnwb::SafetensorsFile back = rnnwb::readSafetensors(path);

    QCOMPARE(back.metadata, model.metadata);
    QCOMPARE(back.tensors.size(), model.tensors.size());
    for (std::size_t i = 0; i < model.tensors.size(); ++i) {
        const rnnwb::NamedTensor& want = model.tensors[i];
        const rnnwb::NamedTensor& got = back.tensors[i];
        QCOMPARE(got.name, want.name);
        QCOMPARE(got.shape, want.shape);
        QCOMPARE(got.values.size(), want.values.size());
        for (std::size_t k = 0; k < want.values.size(); ++k)
            QCOMPARE(got.values[k], static_cast<double>(static_cast<float>(want.values[k])));
        QCOMPARE(back.find(want.name), &got);
    }
    QVERIFY(back.find("not there") == nullptr);
    QCOMPARE(filesIn(dir.path().toStdString()), QStringList{QStringLiteral("model.safetensors")});
}

void TestSafetensors::serializedLayout()
{
    const rnnwb::SafetensorsFile model = smallModel();
    const std::vector<std::byte> bytes = rnnwb::serializeSafetensors(model);
    QVERIFY(bytes.size() >= 8);
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i)
        n = (n << 8) | std::to_integer<std::uint64_t>(bytes[i]);
    QCOMPARE(n % 8, 0u);
    QCOMPARE(bytes.size(), 8 + n + 4 * (8 + 1)); // F32, contiguous, nothing else

    const std::string header(reinterpret_cast<const char*>(bytes.data()) + 8, n);
    const auto json = nlohmann::json::parse(header); // trailing padding is spaces
    QCOMPARE(json["__metadata__"]["cell"].get<std::string>(), std::string("lstm"));
    const auto& w = json["lstm.weight_ih_l0"];
    QCOMPARE(w["dtype"].get<std::string>(), std::string("F32"));
    QVERIFY(w["shape"] == nlohmann::json({4, 2}));
    QVERIFY(w["data_offsets"] == nlohmann::json({0, 32}));
    QVERIFY(json["linear.bias"]["data_offsets"] == nlohmann::json({32, 36}));

    // First value, little-endian float 0.1f.
    const float first = 0.1f;
    QCOMPARE(std::memcmp(bytes.data() + 8 + n, &first, 4), 0); // the build host is little-endian
}

// ---------------------------------------------------------------------------------------
// The PyTorch-written fixture

void TestSafetensors::readsPyTorchFixture_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<qint64>>("shape");
    QTest::newRow("gru.weight_ih_l0") << QStringLiteral("gru.weight_ih_l0") << QList<qint64>{48, 5};
    QTest::newRow("gru.weight_hh_l0") << QStringLiteral("gru.weight_hh_l0") << QList<qint64>{48, 16};
    QTest::newRow("gru.bias_ih_l0") << QStringLiteral("gru.bias_ih_l0") << QList<qint64>{48};
    QTest::newRow("gru.bias_hh_l0") << QStringLiteral("gru.bias_hh_l0") << QList<qint64>{48};
    QTest::newRow("linear.weight") << QStringLiteral("linear.weight") << QList<qint64>{1, 16};
    QTest::newRow("linear.bias") << QStringLiteral("linear.bias") << QList<qint64>{1};
}

void TestSafetensors::readsPyTorchFixture()
{
    QFETCH(QString, name);
    QFETCH(QList<qint64>, shape);
    const rnnwb::SafetensorsFile file = rnnwb::readSafetensors(kFixture);
    const rnnwb::NamedTensor* t = file.find(name.toStdString());
    QVERIFY(t != nullptr);
    QCOMPARE(t->shape, std::vector<std::int64_t>(shape.begin(), shape.end()));
    std::size_t count = 1;
    for (const qint64 d : shape)
        count *= static_cast<std::size_t>(d);
    QCOMPARE(t->values.size(), count);
    // PyTorch's default init keeps every GRU value in U(-1/sqrt(16), 1/sqrt(16)).
    for (const double v : t->values)
        QVERIFY(std::abs(v) <= 0.25);
}

void TestSafetensors::readsPyTorchFixtureOrderAndValues()
{
    const rnnwb::SafetensorsFile file = rnnwb::readSafetensors(kFixture);
    QStringList order;
    for (const rnnwb::NamedTensor& t : file.tensors)
        order << QString::fromStdString(t.name);
    QCOMPARE(order, (QStringList{u"gru.weight_ih_l0"_s, u"gru.weight_hh_l0"_s, u"gru.bias_ih_l0"_s, u"gru.bias_hh_l0"_s,
                                 u"linear.weight"_s, u"linear.bias"_s}));
    // The first values as PyTorch wrote them (float32, printed by Python as doubles).
    const std::vector<double>& w = file.tensors.front().values;
    QCOMPARE(w[0], 0.05734753608703613);
    QCOMPARE(w[1], -0.059493571519851685);
    QCOMPARE(w[2], 0.06855717301368713);
    QCOMPARE(file.metadata.at("cell"), std::string("gru"));
    QCOMPARE(file.metadata.at("layout"), std::string("features"));
    QCOMPARE(file.metadata.at("window"), std::string("5"));
    QCOMPARE(file.metadata.at("hidden_size"), std::string("16"));
}

// A file from the reference writer (reference/st.py, numpy), mixing F64 and F32.
void TestSafetensors::readsReferenceWriterDtypes()
{
    const rnnwb::SafetensorsFile file
        = rnnwb::readSafetensors(std::string(RNNWB_TEST_DATA) + "/safetensors/reference_f64_f32.safetensors");
    QCOMPARE(file.metadata, (std::map<std::string, std::string>{{"k", "v"}, {"n", "5"}}));
    QCOMPARE(file.tensors.size(), 2u);
    QCOMPARE(file.tensors[0].name, std::string("a64"));
    QCOMPARE(file.tensors[0].shape, (std::vector<std::int64_t>{2, 2}));
    QCOMPARE(file.tensors[0].values, (std::vector<double>{0.1, -2.5, 1e300, 5e-324})); // exact
    QCOMPARE(file.tensors[1].name, std::string("b32"));
    QCOMPARE(file.tensors[1].shape, (std::vector<std::int64_t>{2, 3}));
    QCOMPARE(file.tensors[1].values, (std::vector<double>{0, 1, 2, 3, 4, 5}));
}

// ---------------------------------------------------------------------------------------
// Dtypes and accepted variants

void TestSafetensors::decodesDtypes_data()
{
    QTest::addColumn<QByteArray>("dtype");
    QTest::addColumn<QByteArray>("data"); // little-endian raw values
    QTest::addColumn<QList<double>>("expected");
    const double inf = std::numeric_limits<double>::infinity();

    QTest::newRow("F32") << QByteArray("F32") << QByteArray("\x00\x00\xc0\x3f\x00\x00\x20\xc1", 8)
                         << QList<double>{1.5, -10.0};
    QTest::newRow("F64") << QByteArray("F64")
                         << QByteArray("\x9a\x99\x99\x99\x99\x99\xb9\x3f\x00\x00\x00\x00\x00\x00\xf0\xff", 16)
                         << QList<double>{0.1, -inf};
    QTest::newRow("F16 normal") << QByteArray("F16") << QByteArray("\x00\x3c\x00\xc0\xff\x7b", 6)
                                << QList<double>{1.0, -2.0, 65504.0};
    QTest::newRow("F16 subnormal, zero, inf") << QByteArray("F16") << QByteArray("\x01\x00\x00\x80\x00\x7c", 6)
                                              << QList<double>{std::ldexp(1.0, -24), -0.0, inf};
    QTest::newRow("BF16") << QByteArray("BF16") << QByteArray("\x80\x3f\x40\xc0\x49\x40", 6)
                          << QList<double>{1.0, -3.0, 3.140625};
}

void TestSafetensors::decodesDtypes()
{
    QFETCH(QByteArray, dtype);
    QFETCH(QByteArray, data);
    QFETCH(QList<double>, expected);
    const QByteArray header = "{\"t\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + QByteArray::number(expected.size())
                              + "],\"data_offsets\":[0," + QByteArray::number(data.size()) + "]}}";
    const QByteArray bytes = stFile(header) + data;
    const rnnwb::SafetensorsFile file = rnnwb::parseSafetensors(asBytes(bytes), kSource);
    QCOMPARE(file.tensors.size(), 1u);
    const std::vector<double>& got = file.tensors[0].values;
    QCOMPARE(got.size(), static_cast<std::size_t>(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(got[i], expected[i]);
        QCOMPARE(std::signbit(got[i]), std::signbit(expected[i]));
    }
}

void TestSafetensors::acceptsValidVariants_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("order"); // expected tensor names, in data order

    const QByteArray twoOutOfOrder = R"({"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]},)"
                                     R"("a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
    QTest::newRow("entries out of data order") << stFile(twoOutOfOrder, 8) << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("header padded with spaces") << stFile(twoOutOfOrder + "        ", 8) << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("no tensors, empty metadata") << stFile(R"({"__metadata__":{}})") << QStringList{};
    QTest::newRow("null metadata") << stFile(R"({"__metadata__":null})") << QStringList{};
    QTest::newRow("empty tensor between others") << stFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                                           R"("e":{"dtype":"F32","shape":[0,7],"data_offsets":[4,4]},)"
                                                           R"("z":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                                                           8)
                                                 << QStringList{u"a"_s, u"e"_s, u"z"_s};
    QTest::newRow("gap and trailing bytes")
        << stFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", 16) << QStringList{u"a"_s};
    QTest::newRow("unknown extra keys ignored")
        << stFile(R"({"a":{"dtype":"F32","shape":[],"data_offsets":[0,4],"note":{"x":1}}})", 4) << QStringList{u"a"_s};
}

void TestSafetensors::acceptsValidVariants()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, order);
    const rnnwb::SafetensorsFile file = rnnwb::parseSafetensors(asBytes(bytes), kSource);
    QStringList names;
    for (const rnnwb::NamedTensor& t : file.tensors)
        names << QString::fromStdString(t.name);
    QCOMPARE(names, order);
}

// ---------------------------------------------------------------------------------------
// Malformed input

// Framing, JSON syntax, the header as a whole and the metadata.
void TestSafetensors::rejectsMalformedFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem"); // a fragment the message must contain

    QTest::newRow("empty file") << QByteArray() << u"the file is empty"_s;
    QTest::newRow("truncated header length") << QByteArray(5, '\0') << u"too short"_s;
    QTest::newRow("header length beyond file") << lengthOnly(1000) + "{}" << u"runs past the end"_s;
    QTest::newRow("header length 2^64-1") << lengthOnly(~0ull) + "{}" << u"runs past the end"_s;
    QTest::newRow("empty header") << stFile("") << u"not valid JSON"_s;
    QTest::newRow("bad JSON") << stFile(R"({"w": {"dtype": )") << u"not valid JSON"_s;
    QTest::newRow("trailing garbage") << stFile("{} x") << u"not valid JSON"_s;
    QTest::newRow("invalid UTF-8") << stFile("{\"\xff\":1}") << u"not valid JSON"_s;
    QTest::newRow("header not an object") << stFile("[1,2]") << u"not a JSON object"_s;
    QTest::newRow("deep nesting") << stFile(QByteArray(5000, '[') + QByteArray(5000, ']')) << u"deeper than"_s;
    QTest::newRow("two metadata entries")
        << stFile(R"({"__metadata__":{},"__metadata__":{}})") << u"two '__metadata__' entries"_s;
    QTest::newRow("non-string metadata") << stFile(R"({"__metadata__":{"epochs":200}})")
                                         << u"value of 'epochs' is not a string"_s;
    QTest::newRow("metadata not an object")
        << stFile(R"({"__metadata__":["a"]})") << u"__metadata__ is not a JSON object"_s;
}

// One tensor entry, or two that clash.
void TestSafetensors::rejectsMalformedTensor_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");

    // One valid entry to vary: 2 x F32 at [0, 8].
    auto entry = [](const QByteArray& body) -> QByteArray { return "{\"w\":{" + body + "}}"; };
    const QByteArray shape = R"("shape":[2])";
    const QByteArray offsets = R"("data_offsets":[0,8])";
    const QByteArray f32 = R"("dtype":"F32")";

    QTest::newRow("entry not an object") << stFile(R"({"w":5})") << u"'w' is not described"_s;
    QTest::newRow("missing dtype") << stFile(entry(shape + "," + offsets), 8) << u"'w' has no dtype"_s;
    QTest::newRow("dtype not a string") << stFile(entry(R"("dtype":4,)" + shape + "," + offsets), 8)
                                        << u"dtype that is not a string"_s;
    QTest::newRow("unknown dtype") << stFile(entry(R"("dtype":"X99",)" + shape + "," + offsets), 8)
                                   << u"unknown dtype 'X99'"_s;
    QTest::newRow("unsupported dtype I64")
        << stFile(entry(R"("dtype":"I64","shape":[1],)" + offsets), 8) << u"'I64', which is not supported"_s;
    QTest::newRow("missing shape") << stFile(entry(f32 + "," + offsets), 8) << u"has no shape"_s;
    QTest::newRow("shape not an array") << stFile(entry(f32 + R"(,"shape":2,)" + offsets), 8)
                                        << u"shape that is not an array"_s;
    QTest::newRow("negative shape") << stFile(entry(f32 + R"(,"shape":[-2],)" + offsets), 8) << u"negative dimension"_s;
    QTest::newRow("fractional shape") << stFile(entry(f32 + R"(,"shape":[2.5],)" + offsets), 8)
                                      << u"not a whole number"_s;
    QTest::newRow("shape product overflows")
        << stFile(entry(f32 + R"(,"shape":[4294967296,4294967296,4294967296],)" + offsets), 8) << u"overflows"_s;
    QTest::newRow("dimension beyond int64")
        << stFile(entry(f32 + R"(,"shape":[18446744073709551615],)" + offsets), 8) << u"overflows"_s;
    QTest::newRow("missing offsets") << stFile(entry(f32 + "," + shape), 8) << u"has no data_offsets"_s;
    QTest::newRow("three offsets") << stFile(entry(f32 + "," + shape + R"(,"data_offsets":[0,4,8])"), 8)
                                   << u"not two non-negative integers"_s;
    QTest::newRow("negative offset") << stFile(entry(f32 + "," + shape + R"(,"data_offsets":[-8,0])"), 8)
                                     << u"not two non-negative integers"_s;
    QTest::newRow("offsets reversed") << stFile(entry(f32 + "," + shape + R"(,"data_offsets":[8,0])"), 8)
                                      << u"begin is after its end"_s;
    QTest::newRow("offsets out of range") << stFile(entry(f32 + "," + shape + "," + offsets), 4) << u"out of range"_s;
    QTest::newRow("size mismatch") << stFile(entry(f32 + R"(,"shape":[3],)" + offsets), 8)
                                   << u"'w' has a size mismatch"_s;
    QTest::newRow("size overflows with dtype") << stFile(entry(f32 + R"(,"shape":[4611686018427387904],)" + offsets), 8)
                                               << u"more bytes than a 64-bit size can count"_s;
    QTest::newRow("overlapping tensors") << stFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                                   R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                                   12)
                                         << u"'a' and 'b' overlap"_s;
    QTest::newRow("tensor inside another") << stFile(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},)"
                                                     R"("b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                                                     16)
                                           << u"overlap"_s;
    QTest::newRow("duplicate names") << stFile(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                               R"("w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                                               8)
                                     << u"two tensors named 'w'"_s;
    QTest::newRow("duplicate key in an entry")
        << stFile(entry(f32 + R"(,"dtype":"F64",)" + shape + "," + offsets), 8) << u"'w' has the key 'dtype' twice"_s;
}

// Parses the row's bytes and expects one FileFormatError line naming the file and problem.
void TestSafetensors::checkRejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    try {
        rnnwb::parseSafetensors(asBytes(bytes), kSource);
        QFAIL("malformed input was accepted");
    } catch (const rnnwb::FileFormatError& e) {
        const QString message = QString::fromUtf8(e.what());
        QCOMPARE(e.file(), kSource);
        QVERIFY2(message.startsWith(QString::fromStdString(kSource + ": ")), e.what());
        QVERIFY2(message.contains(problem), e.what());
        QVERIFY2(!message.contains(QLatin1Char('\n')), e.what());
    }
}

// A header length over 100 MB is refused even when the file is that long.
void TestSafetensors::rejectsHeaderOverLimit()
{
    constexpr std::uint64_t n = 100'000'001;
    std::vector<std::byte> bytes(8 + n);
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<std::byte>((n >> (8 * i)) & 0xff);
    QVERIFY_THROWS_EXCEPTION(rnnwb::FileFormatError, rnnwb::parseSafetensors(bytes, kSource));
    try {
        rnnwb::parseSafetensors(bytes, kSource);
    } catch (const rnnwb::FileFormatError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("exceeds the limit")), e.what());
    }
}

// Truncations at every length and random byte mutations of a real file: each parse must
// either succeed or throw FileFormatError (a mini fuzzer; run under sanitizers for more).
void TestSafetensors::survivesCorruption()
{
    const std::string good = readText(kFixture);
    QVERIFY(good.size() > 600);
    auto check = [](const std::string& bytes) {
        try {
            rnnwb::parseSafetensors(std::as_bytes(std::span(bytes.data(), bytes.size())), kSource);
            return true;
        } catch (const rnnwb::FileFormatError&) {
            return false;
        }
    };
    int accepted = 0;
    for (std::size_t len = 0; len < good.size(); ++len)
        accepted += check(good.substr(0, len));
    QCOMPARE(accepted, 0); // every truncation loses data the header promised

    std::mt19937 rng(12345);
    const std::size_t headerEnd = 8 + 544; // mutate the header mostly: that is where bugs hide
    std::uniform_int_distribution<std::size_t> where(0, headerEnd + 16);
    std::uniform_int_distribution<int> byte(0, 255), count(1, 4);
    const char kJsonChars[] = "{}[],:\"0-9 e"; // two rounds in three plant JSON syntax
    for (int round = 0; round < 5000; ++round) {
        std::string bytes = good;
        for (int k = count(rng); k > 0; --k) {
            const int r = byte(rng);
            bytes[where(rng)] = round % 3 ? kJsonChars[r % 12] : static_cast<char>(r);
        }
        check(bytes);
    }
    QVERIFY(check(good));
}

void TestSafetensors::readFileErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing file") << QStringLiteral("/nonexistent/dir/model.safetensors")
                                  << QStringLiteral("cannot open the file: No such file");
    QTest::newRow("directory") << QStringLiteral(RNNWB_TEST_DATA) << QStringLiteral("not a regular file");
}

void TestSafetensors::readFileErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, problem);
    try {
        rnnwb::readSafetensors(path.toStdString());
        QFAIL("reading succeeded");
    } catch (const rnnwb::FileFormatError& e) {
        QCOMPARE(QString::fromStdString(e.file()), path);
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(path + QStringLiteral(": ")), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(problem), e.what());
    }
}

void TestSafetensors::writerRejectsInvalidModels_data()
{
    QTest::addColumn<rnnwb::SafetensorsFile>("model");
    QTest::addColumn<QString>("problem");
    rnnwb::SafetensorsFile f;
    f.tensors = {{"w", {2, 2}, {1, 2, 3}}};
    QTest::newRow("shape does not match values") << f << QStringLiteral("has shape [2, 2] but 3 values");
    f.tensors = {{"w", {-1}, {}}};
    QTest::newRow("negative dimension") << f << QStringLiteral("negative dimension");
    f.tensors = {{"w", {1}, {1}}, {"w", {1}, {2}}};
    QTest::newRow("duplicate names") << f << QStringLiteral("two tensors are named 'w'");
    f.tensors = {{"__metadata__", {1}, {1}}};
    QTest::newRow("reserved name") << f << QStringLiteral("cannot be named __metadata__");
    f.tensors = {{"", {1}, {1}}};
    QTest::newRow("empty name") << f << QStringLiteral("empty name");
    f.tensors = {{"w\xff", {1}, {1}}};
    QTest::newRow("invalid UTF-8 name") << f << QStringLiteral("not valid UTF-8");
}

void TestSafetensors::writerRejectsInvalidModels()
{
    QFETCH(rnnwb::SafetensorsFile, model);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("m.safetensors")).toStdString();
    try {
        rnnwb::writeSafetensors(path, model);
        QFAIL("an invalid model was written");
    } catch (const rnnwb::FileFormatError& e) {
        QCOMPARE(e.file(), path);
        QVERIFY2(QString::fromUtf8(e.what()).contains(problem), e.what());
    }
    QVERIFY(filesIn(dir.path().toStdString()).isEmpty());
}

// ---------------------------------------------------------------------------------------
// Atomic writes

void TestSafetensors::atomicWriteCreatesAndOverwrites()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("out.txt")).toStdString();
    rnnwb::writeFileAtomically(path, std::string_view("first version, rather long\n"));
    QCOMPARE(readText(path), std::string("first version, rather long\n"));
    rnnwb::writeFileAtomically(path, std::string_view("second\n"));
    QCOMPARE(readText(path), std::string("second\n"));
    const std::vector<std::byte> none;
    rnnwb::writeFileAtomically(path, none);
    QCOMPARE(readText(path), std::string());
    QCOMPARE(filesIn(dir.path().toStdString()), QStringList{QStringLiteral("out.txt")});

    // A name near NAME_MAX still leaves room for the temporary file's name.
    const std::string longName = dir.path().toStdString() + "/" + std::string(250, 'n');
    rnnwb::writeFileAtomically(longName, std::string_view("long"));
    QCOMPARE(readText(longName), std::string("long"));
}

void TestSafetensors::atomicWriteKeepsPermissionsAndLinks()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("target.txt")).toStdString();
    const std::string link = dir.filePath(QStringLiteral("link.txt")).toStdString();
    writeText(path, "old");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    fs::create_symlink(path, link);

    rnnwb::writeFileAtomically(link, std::string_view("new"));
    QVERIFY(fs::is_symlink(link));
    QCOMPARE(readText(path), std::string("new"));
    QCOMPARE(fs::status(path).permissions() & fs::perms::all,
             fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

void TestSafetensors::atomicWriteFailureKeepsOldFile_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("missing directory") << QStringLiteral("missing-dir");
    QTest::newRow("read-only directory") << QStringLiteral("read-only-dir");
    QTest::newRow("target is a directory") << QStringLiteral("target-dir");
    QTest::newRow("disk full while writing") << QStringLiteral("size-limit");
}

void TestSafetensors::atomicWriteFailureKeepsOldFile()
{
    QFETCH(QString, scenario);
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    std::string path = root + "/old.txt";
    writeText(path, "precious old content");
    const std::string big(64 * 1024, 'x');

    std::optional<FileSizeLimit> limit;
    std::optional<WithoutPermissionOverride> asPlainUser;
    if (scenario == QLatin1String("missing-dir")) {
        path = root + "/no/such/dir/old.txt";
    } else if (scenario == QLatin1String("read-only-dir")) {
        fs::permissions(root, fs::perms::owner_read | fs::perms::owner_exec);
        asPlainUser.emplace();
        QVERIFY2(!canWriteInto(root), "the read-only directory still takes new files");
    } else if (scenario == QLatin1String("target-dir")) {
        path = root + "/sub";
        fs::create_directory(path);
        writeText(path + "/inside.txt", "x");
    } else {
        limit.emplace(1024);
    }

    bool threw = false;
    try {
        rnnwb::writeFileAtomically(path, std::string_view(big));
    } catch (const std::runtime_error& e) {
        threw = true;
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(QString::fromStdString(path + ": ")), e.what());
    }
    limit.reset();
    asPlainUser.reset();
    fs::permissions(root, fs::perms::owner_all);
    QVERIFY(threw);
    QCOMPARE(readText(root + "/old.txt"), std::string("precious old content"));
    QStringList expected{QStringLiteral("old.txt")};
    if (scenario == QLatin1String("target-dir"))
        expected << QStringLiteral("sub");
    QCOMPARE(filesIn(root), expected); // no temporary file left behind
}

void TestSafetensors::writeSafetensorsFailureKeepsOldFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("model.safetensors")).toStdString();
    rnnwb::writeSafetensors(path, smallModel());
    const std::string before = readText(path);

    rnnwb::SafetensorsFile big;
    big.tensors = {{"w", {100000}, std::vector<double>(100000, 1.0)}};
    {
        FileSizeLimit limit(4096);
        QVERIFY_THROWS_EXCEPTION(rnnwb::FileFormatError, rnnwb::writeSafetensors(path, big));
    }
    QCOMPARE(readText(path), before);

    const std::string elsewhere = dir.filePath(QStringLiteral("missing/model.safetensors")).toStdString();
    try {
        rnnwb::writeSafetensors(elsewhere, smallModel());
        QFAIL("writing into a missing directory succeeded");
    } catch (const rnnwb::FileFormatError& e) {
        QCOMPARE(e.file(), elsewhere);
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("No such file or directory")), e.what());
    }
    QCOMPARE(filesIn(dir.path().toStdString()), QStringList{QStringLiteral("model.safetensors")});
}

namespace {

// A model of `values` F32 weights, all equal to `value` (MBs: its write takes a while).
rnnwb::SafetensorsFile bigModel(std::size_t values, double value)
{
    rnnwb::SafetensorsFile f;
    f.metadata = {{"value", std::to_string(value)}};
    f.tensors = {{"w", {static_cast<std::int64_t>(values)}, std::vector<double>(values, value)}};
    return f;
}

std::string serialized(const rnnwb::SafetensorsFile& f)
{
    const std::vector<std::byte> bytes = rnnwb::serializeSafetensors(f);
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Starts `work` in a child process, which leaves with _exit so that nothing of this test
// process (Qt, atexit handlers) runs twice.
template <typename Work>
pid_t startChild(Work work)
{
    const pid_t child = ::fork();
    if (child == 0) {
        work();
        ::_exit(0);
    }
    return child;
}

int waitFor(pid_t child)
{
    int status = 0;
    ::waitpid(child, &status, 0);
    return status;
}

} // namespace

// Killed inside write(): the child may write 64 kB, and the default action of SIGXFSZ kills
// it the moment a write goes past that, halfway through a 4 MB model, with no chance to clean
// up. The old file is intact and nothing else is in the folder.
void TestSafetensors::saveKilledWhileWritingLeavesOldFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("model.safetensors")).toStdString();
    rnnwb::writeSafetensors(path, smallModel());
    const std::string before = readText(path);
    const int status = waitFor(startChild([&] {
        rlimit limit{};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        limit.rlim_cur = 64 * 1024;
        ::setrlimit(RLIMIT_FSIZE, &limit);
        std::signal(SIGXFSZ, SIG_DFL);
        rnnwb::writeSafetensors(path, bigModel(1 << 20, 1.0));
    }));
    QVERIFY(WIFSIGNALED(status));
    QCOMPARE(WTERMSIG(status), SIGXFSZ);
    QCOMPARE(readText(path), before);
    QCOMPARE(filesIn(dir.path().toStdString()), QStringList{QStringLiteral("model.safetensors")});
}

// A child saves two 2 MB models in turn as fast as it can and is SIGKILLed at some moment,
// five times over. The file is always one whole model (the first, or one of the two), never a
// torn one; a leftover temporary file can only come from the instant between naming and
// renaming, and the next save removes it.
void TestSafetensors::saveKilledAtAnyMomentLeavesAWholeFile()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const std::string path = root + "/model.safetensors";
    const rnnwb::SafetensorsFile a = bigModel(1 << 19, 1.0), b = bigModel(1 << 19, 2.0);
    const std::string initial = serialized(smallModel()), first = serialized(a), second = serialized(b);
    std::mt19937 delays(8);
    for (int round = 0; round < 5; ++round) {
        rnnwb::writeSafetensors(path, smallModel());
        const pid_t child = startChild([&] {
            for (;;) {
                rnnwb::writeSafetensors(path, a);
                rnnwb::writeSafetensors(path, b);
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(readText(path) != initial, 20000); // the child is saving
        QTest::qSleep(int(delays() % 40));
        ::kill(child, SIGKILL);
        QVERIFY(WIFSIGNALED(waitFor(child)));
        const std::string content = readText(path);
        QVERIFY2(content == first || content == second, "the file is not one whole model");
        const QStringList files = filesIn(root);
        QVERIFY2(files.size() == 1 || (files.size() == 2 && files.front().endsWith(u".tmp")),
                 qPrintable(files.join(u", ")));
    }
    rnnwb::writeSafetensors(path, smallModel());
    QCOMPARE(filesIn(root), QStringList{QStringLiteral("model.safetensors")});
}

// The leftover of a writer that is gone goes with the next save of the same file; the
// temporary file of a writer still running, and files that are not such leftovers, stay.
void TestSafetensors::leftoverOfAKilledWriterIsRemoved()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const pid_t gone = startChild([] {});
    waitFor(gone);
    const auto leftover = [&](pid_t writer, const char* name) {
        std::string file = ".";
        file.append(name).append(".").append(std::to_string(writer)).append(".0.12345.tmp");
        writeText(root + "/" + file, "half a model");
        return QString::fromStdString(file);
    };
    const QString dead = leftover(gone, "model.safetensors");
    const QString live = leftover(::getpid(), "model.safetensors");
    const QString otherTarget = leftover(gone, "other.safetensors");
    writeText(root + "/.model.safetensors.notes.tmp", "mine");
    QVERIFY(filesIn(root).contains(dead));
    rnnwb::writeSafetensors(root + "/model.safetensors", smallModel());
    const QStringList files = filesIn(root);
    QVERIFY(!files.contains(dead));
    QVERIFY(files.contains(live));
    QVERIFY(files.contains(otherTarget));
    QVERIFY(files.contains(QStringLiteral(".model.safetensors.notes.tmp")));
}

QTEST_APPLESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
