#pragma once
// Test-side helpers shared by the GUI tests.
#include <QString>
#include <QtGlobal>

namespace rnnwb::test {

// The offscreen platform warns about every dock widget; the warning says nothing about the app.
inline void quietOffscreenWarnings()
{
    static const QtMessageHandler previous = qInstallMessageHandler(nullptr);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if (!message.contains(u"propagateSizeHints"))
            previous(type, context, message);
    });
}

} // namespace rnnwb::test
