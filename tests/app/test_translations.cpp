// The Simplified Chinese interface: translations/rnnwb_zh_CN.ts is complete and
// faithful (no unfinished, vanished or empty message; the same placeholders, rich-text tags and
// accelerators as the English; the tutorial's terms), and the app shows it when RNNWB_LANG or
// the language setting asks for it, Qt's standard dialogs included.
#include "app/shell/main_window.h"
#include "app/shell/translations.h"
#include "app_test_support.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QKeySequence>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace rnnwb::app;

namespace {

const QString kTsFile = QStringLiteral(RNNWB_SOURCE_DIR "/translations/rnnwb_zh_CN.ts");

struct TsMessage {
    QString context;
    QString source;
    QString type;             // of <translation>: "" (finished), unfinished, vanished, obsolete
    QStringList translations; // one, or the numerus forms
};

QList<TsMessage> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<TsMessage> messages;
    QString context;
    bool numerus = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            messages.append({context, {}, {}, {}});
            numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (xml.name() == u"source") {
            messages.back().source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            messages.back().type = xml.attributes().value(u"type"_s).toString();
            if (!numerus) // else its <numerusform> children follow
                messages.back().translations.append(xml.readElementText());
        } else if (xml.name() == u"numerusform") {
            messages.back().translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        qFatal("%s:%lld: %s", qPrintable(path), xml.lineNumber(), qPrintable(xml.errorString()));
    return messages;
}

const QList<TsMessage>& tsMessages()
{
    static const QList<TsMessage> messages = readTs(kTsFile);
    return messages;
}

// Every match of `pattern` in `text`, sorted: the same multiset in source and translation.
QStringList sortedMatches(const QRegularExpression& pattern, const QString& text)
{
    QStringList found;
    for (const QRegularExpressionMatch& m : pattern.globalMatch(text))
        found << m.captured();
    found.sort();
    return found;
}

QString describe(const TsMessage& m) { return m.context + u" | "_s + m.source; }

// Fails with the first few offenders, one a line.
void verifyNone(const QStringList& offenders, const QString& what)
{
    QVERIFY2(offenders.isEmpty(),
             qPrintable(u"%1 message(s) %2:\n"_s.arg(offenders.size()).arg(what) + offenders.mid(0, 12).join(u'\n')));
}

// The accelerator letter of a menu text ("&File" -> F, "文件(&F)" -> F), or none.
QKeySequence mnemonicOf(const QString& text) { return QKeySequence::mnemonic(text); }

// Every menu reachable from the menu bar, the bar's own titles first.
QList<QMenu*> allMenus(QMenuBar* bar)
{
    QList<QMenu*> menus;
    QList<QAction*> pending = bar->actions();
    while (!pending.isEmpty())
        if (QMenu* menu = pending.takeFirst()->menu()) {
            menus.append(menu);
            pending.append(menu->actions());
        }
    return menus;
}

bool showsChinese(const QString& text)
{
    static const QRegularExpression han(u"\\p{Han}"_s);
    return han.match(text).hasMatch();
}

// Translated entries of one menu that share an accelerator ("menu: key: first, second").
QStringList duplicateMnemonics(const QString& where, const QList<QAction*>& actions)
{
    QStringList duplicates;
    QHash<QString, QString> seen;
    for (const QAction* action : actions) {
        if (action->isSeparator() || !action->isVisible() || !showsChinese(action->text()))
            continue;
        const QString key = mnemonicOf(action->text()).toString();
        if (key.isEmpty())
            continue;
        if (seen.contains(key))
            duplicates << u"%1: %2: %3, %4"_s.arg(where, key, seen[key], action->text());
        seen.insert(key, action->text());
    }
    return duplicates;
}

void useLanguage(const char* overrideValue)
{
    if (overrideValue)
        qputenv("RNNWB_LANG", overrideValue);
    else
        qunsetenv("RNNWB_LANG");
    installTranslations(*qApp);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { rnnwb::test::initGuiTest(); }
    void cleanup()
    {
        QSettings().clear();
        useLanguage("en");
    }

    void everyMessageIsTranslated();
    void everySourceStringIsInTheFile();
    void placeholdersTagsAndAcceleratorsAreKept();
    void glossaryTermsAreUsed_data();
    void glossaryTermsAreUsed();
    void chooseLanguage_data();
    void chooseLanguage();
    void environmentOverrideShowsChinese();
    void environmentOverrideShowsEnglish();
    void settingChoosesTheLanguage();
    void menuAcceleratorsAreUniqueInChinese();
    void languageMenuSavesTheChoice();
    void restartKeepsAWindowThatRefusesToClose();
};

void TestTranslations::everyMessageIsTranslated()
{
    const QList<TsMessage>& messages = tsMessages();
    QVERIFY2(messages.size() > 300, qPrintable(u"only %1 messages in %2"_s.arg(messages.size()).arg(kTsFile)));
    QStringList unfinished, stale, empty;
    for (const TsMessage& m : messages) {
        if (m.type == u"unfinished")
            unfinished << describe(m);
        else if (m.type == u"vanished" || m.type == u"obsolete")
            stale << describe(m);
        const auto blank = [](const QString& t) { return t.trimmed().isEmpty(); };
        if (m.translations.isEmpty() || std::any_of(m.translations.begin(), m.translations.end(), blank))
            empty << describe(m);
    }
    verifyNone(unfinished, u"unfinished (run lupdate, then translate them)"_s);
    verifyNone(stale, u"vanished or obsolete (run lupdate -no-obsolete)"_s);
    verifyNone(empty, u"with an empty translation"_s);
}

void TestTranslations::everySourceStringIsInTheFile()
{
    // lupdate over the sources into a copy of the file: a string added to the code but not to the
    // translation (or changed since) comes out unfinished.
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"rnnwb_zh_CN.ts"_s);
    QVERIFY(QFile::copy(kTsFile, copy));
    const QString root = QStringLiteral(RNNWB_SOURCE_DIR);
    QProcess lupdate;
    lupdate.start(QStringLiteral(RNNWB_LUPDATE), {u"-I"_s, root + u"/src"_s, root + u"/src/app"_s, u"-no-obsolete"_s,
                                                  u"-locations"_s, u"none"_s, u"-ts"_s, copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitCode(), 0);
    QStringList unfinished;
    for (const TsMessage& m : readTs(copy))
        if (m.type == u"unfinished")
            unfinished << describe(m);
    verifyNone(unfinished, u"in the code but not translated (cmake --build BUILD --target update_translations, "
                           "then translate them)"_s);
}

void TestTranslations::placeholdersTagsAndAcceleratorsAreKept()
{
    // %1..%99 (also %L1) and %n; HTML tags; an accelerator (& before a letter or digit).
    static const QRegularExpression placeholder(u"%L?(\\d{1,2}|n)"_s);
    static const QRegularExpression tag(u"<[^<>]+>"_s);
    static const QRegularExpression accelerator(u"(?<!&)&[A-Za-z0-9]"_s);
    QStringList placeholders, tags, accelerators;
    for (const TsMessage& m : tsMessages())
        for (const QString& t : m.translations) {
            if (sortedMatches(placeholder, t) != sortedMatches(placeholder, m.source))
                placeholders << describe(m) + u" -> "_s + t;
            if (sortedMatches(tag, t) != sortedMatches(tag, m.source))
                tags << describe(m) + u" -> "_s + t;
            if (accelerator.match(m.source).hasMatch() != accelerator.match(t).hasMatch())
                accelerators << describe(m) + u" -> "_s + t;
        }
    verifyNone(placeholders, u"whose placeholders differ from the source's"_s);
    verifyNone(tags, u"whose rich-text tags differ from the source's"_s);
    verifyNone(accelerators, u"that gain or lose the source's accelerator"_s);
}

void TestTranslations::glossaryTermsAreUsed_data()
{
    // The seed tutorial's terms (and the app's own, used the same way everywhere).
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("chinese");
    QTest::newRow("recurrent network") << u"recurrent network"_s << u"循环神经网络"_s;
    QTest::newRow("recurrent") << u"recurrent"_s << u"循环"_s;
    QTest::newRow("hidden layer") << u"hidden layer"_s << u"隐藏层"_s;
    QTest::newRow("hidden state") << u"hidden state"_s << u"隐藏状态"_s;
    QTest::newRow("forget gate") << u"forget gate"_s << u"遗忘门"_s;
    QTest::newRow("input gate") << u"input gate"_s << u"输入门"_s;
    QTest::newRow("output gate") << u"output gate"_s << u"输出门"_s;
    QTest::newRow("update gate") << u"update gate"_s << u"更新门"_s;
    QTest::newRow("reset gate") << u"reset gate"_s << u"重置门"_s;
    QTest::newRow("cell state") << u"cell state"_s << u"单元状态"_s;
    QTest::newRow("time step") << u"time step"_s << u"时间步"_s;
    QTest::newRow("learning rate") << u"learning rate"_s << u"学习率"_s;
    QTest::newRow("epoch") << u"epoch"_s << u"轮"_s;
    QTest::newRow("window") << u"window"_s << u"窗口"_s;
    QTest::newRow("loss") << u"loss"_s << u"损失"_s;
    QTest::newRow("prediction") << u"prediction"_s << u"预测"_s;
    QTest::newRow("gradient") << u"gradient"_s << u"梯度"_s;
    QTest::newRow("hyperparameter") << u"hyperparameter"_s << u"超参数"_s;
    QTest::newRow("training part") << u"training part"_s << u"训练集"_s;
    QTest::newRow("test part") << u"test part"_s << u"测试集"_s;
    QTest::newRow("validation part") << u"validation part"_s << u"验证集"_s;
}

void TestTranslations::glossaryTermsAreUsed()
{
    QFETCH(QString, english);
    QFETCH(QString, chinese);
    const QRegularExpression term(u"\\b%1"_s.arg(QRegularExpression::escape(english)),
                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression fileName(u"^\\S+\\.(csv|json|py|rnnwb|safetensors)$"_s); // kept as written
    int uses = 0;
    QStringList offenders;
    for (const TsMessage& m : tsMessages()) {
        if (!term.match(m.source).hasMatch() || fileName.match(m.source).hasMatch())
            continue;
        ++uses;
        for (const QString& t : m.translations)
            if (!t.contains(chinese))
                offenders << describe(m) + u" -> "_s + t;
    }
    QVERIFY2(uses > 0, qPrintable(u"no source text uses '%1'"_s.arg(english)));
    verifyNone(offenders, u"that do not translate '%1' as %2"_s.arg(english, chinese));
}

void TestTranslations::chooseLanguage_data()
{
    QTest::addColumn<QString>("override");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system: English locale") << u""_s << u"system"_s << u"en_US"_s << u"en"_s;
    QTest::newRow("system: mainland China") << u""_s << u"system"_s << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("system: Singapore (simplified)") << u""_s << u"system"_s << u"zh_SG"_s << u"zh_CN"_s;
    QTest::newRow("system: Taiwan (traditional)") << u""_s << u"system"_s << u"zh_TW"_s << u"en"_s;
    QTest::newRow("setting beats the locale") << u""_s << u"en"_s << u"zh_CN"_s << u"en"_s;
    QTest::newRow("setting: Chinese") << u""_s << u"zh_CN"_s << u"de_DE"_s << u"zh_CN"_s;
    QTest::newRow("override beats the setting") << u"zh_CN"_s << u"en"_s << u"en_US"_s << u"zh_CN"_s;
    QTest::newRow("override: English") << u"en"_s << u"zh_CN"_s << u"zh_CN"_s << u"en"_s;
    QTest::newRow("unknown override is ignored") << u"fr"_s << u"system"_s << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("unknown setting means system") << u""_s << u"klingon"_s << u"en_GB"_s << u"en"_s;
}

void TestTranslations::chooseLanguage()
{
    QFETCH(QString, override);
    QFETCH(QString, setting);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(rnnwb::app::chooseLanguage(override, setting, QLocale(system)), expected);
}

void TestTranslations::environmentOverrideShowsChinese()
{
    setLanguageSetting(u"en"_s);
    useLanguage("zh_CN");
    QCOMPARE(activeLanguage(), u"zh_CN"_s);
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().first()->text(), u"文件(&F)"_s);
    QCOMPARE(QCoreApplication::translate("rnnwb::app::MainWindow", "&Help"), u"帮助(&H)"_s);
    // Qt's own strings (standard buttons) come from qtbase_zh_CN.qm where the system has it.
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_zh_CN.qm"_s))
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), u"是(&Y)"_s);
}

void TestTranslations::environmentOverrideShowsEnglish()
{
    setLanguageSetting(u"zh_CN"_s);
    useLanguage("zh_CN");
    useLanguage("en"); // installing again replaces the translators installed before
    QCOMPARE(activeLanguage(), u"en"_s);
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().first()->text(), u"&File"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), u"&Yes"_s);
}

void TestTranslations::settingChoosesTheLanguage()
{
    setLanguageSetting(u"zh_CN"_s);
    useLanguage(nullptr);
    QCOMPARE(activeLanguage(), u"zh_CN"_s);
    QCOMPARE(QCoreApplication::translate("QWidget", "&Train"), u"训练(&T)"_s);
    setLanguageSetting(u"en"_s);
    useLanguage(nullptr);
    QCOMPARE(activeLanguage(), u"en"_s);
    QCOMPARE(QCoreApplication::translate("QWidget", "&Train"), u"&Train"_s);
}

void TestTranslations::menuAcceleratorsAreUniqueInChinese()
{
    useLanguage("zh_CN");
    MainWindow window;
    QMenu* language = createLanguageMenu(&window);
    const QList<QMenu*> menus = allMenus(window.menuBar());
    const bool wired
        = std::any_of(menus.begin(), menus.end(), [&](const QMenu* m) { return m->title() == language->title(); });
    if (!wired) // not in the window's menus yet: check its letters next to the View menu's
        for (QMenu* menu : menus)
            if (menu->title() == u"视图(&V)"_s)
                menu->addMenu(language);
    QStringList duplicates = duplicateMnemonics(u"menu bar"_s, window.menuBar()->actions());
    int translated = 0;
    for (QMenu* menu : allMenus(window.menuBar())) {
        duplicates << duplicateMnemonics(menu->title(), menu->actions());
        const QList<QAction*> actions = menu->actions();
        translated += int(
            std::count_if(actions.begin(), actions.end(), [](const QAction* a) { return showsChinese(a->text()); }));
    }
    verifyNone(duplicates, u"share a menu accelerator in Chinese"_s);
    QVERIFY2(translated > 20, qPrintable(u"only %1 menu entries show Chinese"_s.arg(translated)));
}

void TestTranslations::languageMenuSavesTheChoice()
{
    useLanguage("zh_CN");
    QWidget window;
    QMenu* menu = createLanguageMenu(&window);
    QCOMPARE(menu->title(), u"界面语言(&G)"_s);
    QList<QAction*> choices;
    for (QAction* action : menu->actions())
        if (action->isCheckable())
            choices << action;
    QCOMPARE(choices.size(), 3);
    QCOMPARE(choices[0]->text(), u"跟随系统(&S)"_s);
    QCOMPARE(choices[1]->text(), u"&English"_s);
    QCOMPARE(choices[2]->text(), u"简体中文(&C)"_s);
    QVERIFY(choices[0]->isChecked()); // no setting yet: the system's language

    // The language shown already: saved, nothing to restart.
    QString offered;
    const auto answerLater = [&offered] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        offered = box->text();
        for (QAbstractButton* button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::RejectRole)
                button->click();
    };
    choices[2]->trigger();
    QCOMPARE(languageSetting(), u"zh_CN"_s);
    QVERIFY(choices[2]->isChecked());
    QVERIFY(offered.isEmpty());

    // Another language: saved, and a restart is offered (declined here, so the test goes on).
    QTimer::singleShot(0, &window, answerLater);
    choices[1]->trigger();
    QCOMPARE(languageSetting(), u"en"_s);
    QVERIFY(choices[1]->isChecked() && !choices[2]->isChecked());
    QCOMPARE(offered, u"新的界面语言将在 RNN Workbench 下次启动时生效。"_s);
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"en"_s);
}

void TestTranslations::restartKeepsAWindowThatRefusesToClose()
{
    // A window whose close is refused (the user keeps unsaved work) is not restarted.
    class StubbornWindow : public QWidget {
    protected:
        void closeEvent(QCloseEvent* event) override { event->ignore(); }
    };
    StubbornWindow window;
    window.show();
    QVERIFY(!restartApplication(&window));
    QVERIFY(window.isVisible());
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
