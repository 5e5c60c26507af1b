#include "contactcloseup.h"

#include "imageexport.h"

#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QVBoxLayout>

namespace fathom {

ContactCloseUp::ContactCloseUp(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("contactCloseUp"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("closeUpCaption"));
    m_caption->setWordWrap(true);
    m_picture = new QLabel(this);
    m_picture->setObjectName(QStringLiteral("closeUpPicture"));
    m_picture->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_picture->setMinimumSize(1, 1); // the picture follows the dock's width, never widens it
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_caption);
    layout->addWidget(m_picture, 1);
    setVisible(false);
}

void ContactCloseUp::setCloseUp(const QImage& image, const QString& caption, const QString& name)
{
    m_image = image;
    m_name = name;
    m_caption->setText(caption);
    setVisible(!image.isNull());
    fit();
}

void ContactCloseUp::clear()
{
    m_image = {};
    m_caption->clear();
    m_picture->clear();
    setVisible(false);
}

QString ContactCloseUp::caption() const
{
    return m_caption->text();
}

void ContactCloseUp::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fit();
}

void ContactCloseUp::contextMenuEvent(QContextMenuEvent* event)
{
    if (m_image.isNull())
        return;
    QMenu menu(this);
    menu.addActions(imageActions(
        &menu, [this] { return m_image; }, m_name));
    menu.exec(event->globalPos());
}

void ContactCloseUp::fit()
{
    if (m_image.isNull())
        return;
    const int width = std::max(1, m_picture->width());
    const auto scaled = m_image.width() > width ? m_image.scaledToWidth(width, Qt::SmoothTransformation) : m_image;
    m_picture->setPixmap(QPixmap::fromImage(scaled));
    m_picture->setMinimumHeight(std::min(scaled.height(), 360)); // a tall dock shows it whole
}

} // namespace fathom
