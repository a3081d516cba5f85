#include "app/shell/about_dialog.h"

#include "app/session/qt_text.h"
#include "core/base/parallel.h"
#include "core/nn/build_info.h"

#include <nlohmann/json.hpp>

#include <QClipboard>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace rnnwb::app {

namespace {

// The translation context of this file's texts.
struct AboutDialog {
    Q_DECLARE_TR_FUNCTIONS(AboutDialog)
};

const QString kObjectName = u"aboutDialog"_s;

struct Dependency {
    QString name, use, licence, homepage, licenceUrl;
};

QList<Dependency> dependencies()
{
    const QString gpl3 = u"https://www.gnu.org/licenses/gpl-3.0.html"_s;
    return {
        {u"Qt 6"_s, AboutDialog::tr("windows, widgets, printing, SVG"), AboutDialog::tr("GNU LGPL version 3"),
         u"https://www.qt.io/"_s, u"https://www.gnu.org/licenses/lgpl-3.0.html"_s},
        {u"Qt Charts"_s, AboutDialog::tr("summary charts"), AboutDialog::tr("GNU GPL version 3"),
         u"https://doc.qt.io/qt-6/qtcharts-index.html"_s, gpl3},
        {u"Eigen %1"_s.arg(toQ(eigenVersion())), AboutDialog::tr("the networks' linear algebra"),
         AboutDialog::tr("Mozilla Public License 2.0 (MPL2)"), u"https://eigen.tuxfamily.org/"_s,
         u"https://www.mozilla.org/MPL/2.0/"_s},
        {u"QCustomPlot 2.1"_s, AboutDialog::tr("time-series plots"), AboutDialog::tr("GNU GPL version 3"),
         u"https://www.qcustomplot.com/"_s, gpl3},
        {u"nlohmann/json %1.%2.%3"_s.arg(NLOHMANN_JSON_VERSION_MAJOR)
             .arg(NLOHMANN_JSON_VERSION_MINOR)
             .arg(NLOHMANN_JSON_VERSION_PATCH),
         AboutDialog::tr("model, project and report files"), AboutDialog::tr("MIT licence"),
         u"https://github.com/nlohmann/json"_s, u"https://opensource.org/licenses/MIT"_s},
    };
}

QString link(const QString& url, const QString& text)
{
    return u"<a href=\"%1\">%2</a>"_s.arg(url.toHtmlEscaped(), text.toHtmlEscaped());
}

QString licencesHtml()
{
    QString rows;
    for (const Dependency& d : dependencies())
        rows += u"<tr><td>%1</td><td>%2</td><td>%3</td></tr>"_s.arg(link(d.homepage, d.name), d.use.toHtmlEscaped(),
                                                                    link(d.licenceUrl, d.licence));
    return u"<p><b>%1</b></p><table cellspacing=\"0\" cellpadding=\"3\">%2</table><p>%3</p>"_s.arg(
        AboutDialog::tr("Libraries and their licences").toHtmlEscaped(), rows,
        AboutDialog::tr("Because it links QCustomPlot and Qt Charts (GNU GPL version 3), RNN Workbench as a whole "
                        "is distributed under the %1.")
            .arg(link(u"https://www.gnu.org/licenses/gpl-3.0.html"_s, AboutDialog::tr("GNU GPL version 3"))));
}

QLabel* richLabel(const QString& html, const QString& accessibleName, QWidget* parent)
{
    auto* label = new QLabel(html, parent);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setAccessibleName(accessibleName);
    return label;
}

QDialog* createAboutDialog(QWidget* parent)
{
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(kObjectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(AboutDialog::tr("About RNN Workbench"));
    dialog->setMinimumWidth(dialog->fontMetrics().averageCharWidth() * 100); // the licence table one line a row
    auto* layout = new QVBoxLayout(dialog);
    const QString version = QCoreApplication::applicationVersion().isEmpty() ? QStringLiteral(RNNWB_VERSION)
                                                                             : QCoreApplication::applicationVersion();
    layout->addWidget(richLabel(
        u"<h2>%1</h2><p>%2</p>"_s.arg(
            AboutDialog::tr("RNN Workbench %1").arg(version).toHtmlEscaped(),
            AboutDialog::tr("Train recurrent networks (LSTM, GRU, Elman RNN) on time series, watch them learn "
                            "and forecast, and look inside them; written in C++ with Eigen, matched to PyTorch.")
                .toHtmlEscaped()),
        AboutDialog::tr("Name, version and description"), dialog));
    QString build = buildDescription().toHtmlEscaped();
    build.replace(u'\n', u"<br>"_s);
    layout->addWidget(richLabel(u"<p><b>%1</b><br>%2</p>"_s.arg(AboutDialog::tr("This build").toHtmlEscaped(), build),
                                AboutDialog::tr("Build information"), dialog));
    layout->addWidget(richLabel(licencesHtml(), AboutDialog::tr("Libraries and their licences"), dialog));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton* copy = buttons->addButton(AboutDialog::tr("&Copy Build Information"), QDialogButtonBox::ActionRole);
    copy->setAccessibleName(AboutDialog::tr("Copy build information"));
    copy->setToolTip(AboutDialog::tr("Puts the version and build lines on the clipboard, for a bug report."));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(AboutDialog::tr("Close"));
    QObject::connect(copy, &QPushButton::clicked, dialog, [] {
        QGuiApplication::clipboard()->setText(
            u"RNN Workbench %1\n%2"_s.arg(QCoreApplication::applicationVersion(), buildDescription()));
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    return dialog;
}

} // namespace

QString buildDescription()
{
    // The thread count belongs here too: results are bit-identical per build and thread count.
    return AboutDialog::tr("Compiler: %1\nQt: %2 at run time (built with %3)\nEigen: %4, SIMD: %5\n"
                           "Training threads: %6")
        .arg(toQ(compilerDescription()), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             toQ(eigenVersion()), toQ(simdInstructionSets()), QString::number(threadCount()));
}

void showAboutDialog(QWidget* parent)
{
    QDialog* dialog = parent ? parent->findChild<QDialog*>(kObjectName, Qt::FindDirectChildrenOnly) : nullptr;
    if (!dialog)
        dialog = createAboutDialog(parent);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace rnnwb::app
