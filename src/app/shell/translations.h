#pragma once
// The interface language: English (the source strings) or Simplified Chinese
// (translations/rnnwb_zh_CN.ts, compiled by lrelease and embedded as :/i18n/rnnwb_zh_CN.qm).
// The choice is the setting `language` (system | en | zh_CN), read once at start-up; the
// environment variable RNNWB_LANG=zh_CN|en overrides it (screenshots, tests). Error messages
// that come from the core (no Qt, no translations) stay English.
#include <QString>
#include <QStringView>

class QApplication;
class QLocale;
class QMenu;
class QWidget;

namespace rnnwb::app {

inline constexpr QStringView kEnglish = u"en";
inline constexpr QStringView kChinese = u"zh_CN";
inline constexpr QStringView kSystemLanguage = u"system";

// The saved choice: "system" (the default), "en" or "zh_CN".
QString languageSetting();
void setLanguageSetting(const QString& language);

// "en" or "zh_CN": the override when it names one of them, else the setting when it does, else
// Simplified Chinese for a Chinese system locale that is not written in traditional script.
QString chooseLanguage(const QString& override, const QString& setting, const QLocale& system);

// Installs the translators of the chosen language into the application (again: the previous
// ones are removed): the app's own and, when the system has it, Qt's qtbase_zh_CN.qm for the
// standard dialogs. Call after the organization name is set (the setting is read).
void installTranslations(QApplication& app);
// The language installTranslations() chose last ("en" before it is called).
QString activeLanguage();

// View → Language: System Language, English, 简体中文 (exclusive). Choosing one saves it and,
// when it differs from the language shown, offers to restart the app now (the same program
// and arguments, after parent's window closed: its unsaved-work questions still apply) or later.
QMenu* createLanguageMenu(QWidget* parent);

// Closes `window` and, when it did close, starts the same program with the same arguments
// (without RNNWB_LANG, so the saved setting applies). Returns whether the program restarts.
bool restartApplication(QWidget* window);

} // namespace rnnwb::app
