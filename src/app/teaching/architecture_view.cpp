#include "app/teaching/architecture_view.h"

#include "app/teaching/architecture_scene.h"
#include "app/teaching/teaching_paint.h"

#include <QFontMetricsF>
#include <QPainter>

namespace rnnwb::app {

namespace {

QFont scaledFont(const QFont& base, qreal factor, bool bold)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}

void paintNotes(QPainter& p, const ArchitectureScene& scene, const QFont& base)
{
    for (const ArchitectureScene::Note& note : scene.notes) {
        p.setFont(scaledFont(base, note.heading ? 1.15 : 1.0, note.heading));
        p.drawText(note.rect, note.flags, note.text);
    }
}

void paintArrows(QPainter& p, const ArchitectureScene& scene, const QPalette& palette)
{
    const QColor ink = palette.color(QPalette::Text);
    for (const ArchitectureScene::Arrow& arrow : scene.arrows) {
        p.setPen(QPen(arrow.dashed ? teaching::frameColour(palette) : ink, 1.4,
                      arrow.dashed ? Qt::DashLine : Qt::SolidLine));
        teaching::drawArrow(p, arrow.path);
    }
}

// Labels last, over every line and box: a long shape (16384×4096) stays readable when it is
// wider than the gap it labels.
void paintArrowLabels(QPainter& p, const ArchitectureScene& scene, const QFont& base, const QPalette& palette)
{
    p.setFont(scaledFont(base, 0.92, false));
    p.setPen(palette.color(QPalette::Text));
    for (const ArchitectureScene::Arrow& arrow : scene.arrows)
        if (!arrow.label.isEmpty())
            teaching::drawLabel(p, arrow.anchor, arrow.side, arrow.label, palette.color(QPalette::Base), 3);
}

void paintNodes(QPainter& p, const ArchitectureScene& scene, const QFont& base, const QPalette& palette)
{
    const QColor background = palette.color(QPalette::Base), ink = palette.color(QPalette::Text);
    const QColor accent = palette.color(QPalette::Highlight);
    for (const ArchitectureScene::Node& node : scene.nodes) {
        p.setPen(QPen(node.state ? accent : ink, node.state ? 2.0 : 1.2));
        p.setBrush(node.state ? mixColors(background, accent, 0.18) : background);
        p.drawRoundedRect(node.rect, 6, 6);
        p.setPen(ink);
        QRectF titleRect = node.rect;
        if (!node.detail.isEmpty()) {
            titleRect.setBottom(node.rect.center().y() + 2);
            p.setFont(scaledFont(base, 0.85, false));
            p.drawText(node.rect.adjusted(2, 0, -2, -2), Qt::AlignHCenter | Qt::AlignBottom, node.detail);
        }
        p.setFont(scaledFont(base, 1.2, true));
        p.drawText(titleRect, Qt::AlignCenter, node.title);
    }
}

} // namespace

ArchitectureView::ArchitectureView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("architectureView"));
    setAccessibleName(tr("Architecture of the network"));
    updateDescription();
}

void ArchitectureView::setConfig(const TrainConfig& config)
{
    if (config == config_)
        return;
    config_ = config;
    updateDescription();
    update();
}

void ArchitectureView::setMode(Mode mode)
{
    if (mode == mode_)
        return;
    mode_ = mode;
    updateDescription();
    update();
}

QString ArchitectureView::layoutText() const { return layoutExplanation(config_); }

QStringList ArchitectureView::arrowLabels() const
{
    QStringList labels;
    for (const ArchitectureScene::Arrow& arrow : scene().arrows)
        if (!arrow.label.isEmpty())
            labels.push_back(arrow.label);
    return labels;
}

ArchitectureScene ArchitectureView::scene() const
{
    // Before the widget is first sized, the scene of its preferred size (the labels are the same).
    const bool sized = isVisible() || testAttribute(Qt::WA_Resized);
    const QSizeF area = sized ? QSizeF(size()) : QSizeF(sizeHint());
    const QFontMetricsF metrics(font());
    return mode_ == Mode::Folded ? foldedScene(config_, area, metrics) : unrolledScene(config_, area, metrics);
}

void ArchitectureView::updateDescription()
{
    setAccessibleDescription(layoutText() + u' ' + arrowLabels().join(u"; ").replace(u'\n', u' '));
}

void ArchitectureView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const ArchitectureScene s = scene();
    p.setPen(palette().color(QPalette::Text));
    paintNotes(p, s, font());
    paintArrows(p, s, palette());
    paintNodes(p, s, font(), palette());
    paintArrowLabels(p, s, font(), palette());
}

} // namespace rnnwb::app
