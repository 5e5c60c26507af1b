#include "imageexport.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>

namespace fathom {

void copyImageToClipboard(const QImage& image)
{
    QGuiApplication::clipboard()->setImage(image);
}

QString writeImage(const QImage& image, const QString& file)
{
    const auto failed = [&file](const QString& why) {
        return QCoreApplication::translate("ImageExport", "Could not save %1: %2")
            .arg(QDir::toNativeSeparators(file), why);
    };
    const auto suffix = QFileInfo(file).suffix().toLower();
    const QByteArray format = suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg") ? "JPEG" : "PNG";
    // Beside the target first and renamed over it: a failed write never leaves half a picture.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return failed(out.errorString());
    QImageWriter writer(&out, format);
    if (format == "JPEG")
        writer.setQuality(92);
    if (!writer.write(image)) {
        out.cancelWriting();
        return failed(writer.errorString());
    }
    if (!out.commit())
        return failed(out.errorString());
    return {};
}

bool saveImageWithDialog(QWidget* parent, const QImage& image, const QString& name)
{
    QSettings settings;
    const auto folder = settings.value(QStringLiteral("export/imageFolder"), QDir::homePath()).toString();
    const auto file = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("ImageExport", "Save Image"), QDir(folder).filePath(name),
        QCoreApplication::translate("ImageExport", "PNG image (*.png);;JPEG image (*.jpg *.jpeg)"));
    if (file.isEmpty())
        return false;
    settings.setValue(QStringLiteral("export/imageFolder"), QFileInfo(file).absolutePath());
    const auto problem = writeImage(image, file);
    if (!problem.isEmpty()) {
        QMessageBox::warning(parent, QCoreApplication::translate("ImageExport", "Save Image"), problem);
        return false;
    }
    return true;
}

QList<QAction*> imageActions(QWidget* parent, const std::function<QImage()>& picture, const QString& name)
{
    auto* copy = new QAction(QCoreApplication::translate("ImageExport", "Copy Image"), parent);
    copy->setObjectName(QStringLiteral("copyImage"));
    QObject::connect(copy, &QAction::triggered, parent, [picture] { copyImageToClipboard(picture()); });
    auto* save = new QAction(QCoreApplication::translate("ImageExport", "Save Image…"), parent);
    save->setObjectName(QStringLiteral("saveImage"));
    QObject::connect(save, &QAction::triggered, parent,
                     [parent, picture, name] { saveImageWithDialog(parent, picture(), name); });
    return {copy, save};
}

} // namespace fathom
