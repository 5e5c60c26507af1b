#pragma once

#include <QImage>
#include <QWidget>

class QLabel;

namespace fathom {

// The chosen contact up close, under the survey's facts: the waterfall round it at full
// resolution with its box and a scale bar, and a line saying what it is. The view shows 600 pings
// where an object lights six: this is where it is judged.
class ContactCloseUp : public QWidget
{
    Q_OBJECT

public:
    explicit ContactCloseUp(QWidget* parent = nullptr);
    // `name`: the file Save Image proposes (its context menu copies or saves the picture).
    void setCloseUp(const QImage& image, const QString& caption, const QString& name);
    void clear(); // hidden until a contact is chosen again
    const QImage& image() const { return m_image; }
    QString caption() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void fit();

    QLabel* m_caption = nullptr;
    QLabel* m_picture = nullptr;
    QImage m_image;
    QString m_name;
};

} // namespace fathom
