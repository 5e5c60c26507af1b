#pragma once

#include <QImage>
#include <QList>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace fathom {

// A view as a picture for a slide, a message or a log: onto the clipboard, or into a PNG or
// JPEG file the analyst chooses (the folder remembered between runs).

void copyImageToClipboard(const QImage& image);

// Writes the picture (the format from the file's extension; PNG when it has none it knows).
// Empty on success; otherwise what went wrong, naming the file.
QString writeImage(const QImage& image, const QString& file);

// Asks for a file, proposing `name` in the folder last used, and writes the picture there; a
// failure is shown, naming the file. False when cancelled or failed.
bool saveImageWithDialog(QWidget* parent, const QImage& image, const QString& name);

// "Copy Image" and "Save Image…" for a view's context menu, taking the picture when chosen.
QList<QAction*> imageActions(QWidget* parent, const std::function<QImage()>& picture, const QString& name);

} // namespace fathom
