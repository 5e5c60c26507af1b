#include "common/error.h"
#include "report/exports.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <map>

using namespace fathom;

namespace {

std::vector<project::ContactRecord> contacts()
{
    project::ContactRecord a;
    a.ping = 281;
    a.side = 1;
    a.x = -68.8281234;
    a.y = 48.4456789;
    a.cls = "wreck";
    a.score = 0.9;
    a.status = "confirmed";
    a.note = "bow, \"Scotsman\" & debris < 10 m";
    a.height = 1.01;
    project::ContactRecord b;
    b.ping = 12;
    b.x = 129.1;
    b.y = 35.05;
    return {a, b};
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT

private slots:
    void geoJsonHoldsEveryContactWithItsCoordinates()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("c.geojson"));
        report::writeContacts(contacts(), path.toStdString());
        const auto doc = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(doc.value(QStringLiteral("type")).toString(), QStringLiteral("FeatureCollection"));
        const auto features = doc.value(QStringLiteral("features")).toArray();
        QCOMPARE(features.size(), 2);
        const auto first = features[0].toObject();
        const auto xy =
            first.value(QStringLiteral("geometry")).toObject().value(QStringLiteral("coordinates")).toArray();
        QCOMPARE(xy[0].toDouble(), -68.8281234); // GeoJSON: longitude first
        QCOMPARE(xy[1].toDouble(), 48.4456789);
        QCOMPARE(first.value(QStringLiteral("properties")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("confirmed"));
        // A height where a shadow gave one; null, not 0, where none was found behind the contact.
        QCOMPARE(first.value(QStringLiteral("properties")).toObject().value(QStringLiteral("height_m")).toDouble(),
                 1.01);
        QVERIFY(features[1]
                    .toObject()
                    .value(QStringLiteral("properties"))
                    .toObject()
                    .value(QStringLiteral("height_m"))
                    .isNull());
    }

    // A contact the analyst marked reads so in a GIS, not "score 1.00".
    void kmlSaysWhoMarkedAContact()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("c.kml"));
        auto list = contacts();
        list[1].detector = "analyst";
        list[1].detectorScores.clear();
        list[1].score = 1.0;
        report::writeContacts(list, path.toStdString());
        QStringList descriptions;
        QXmlStreamReader xml(readAll(path));
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("description"))
                descriptions << xml.readElementText();
        QCOMPARE(descriptions.size(), 2);
        QVERIFY2(descriptions[0].contains(QStringLiteral("score ")), qPrintable(descriptions[0]));
        QVERIFY2(descriptions[1].contains(QStringLiteral("marked by the analyst")) &&
                     !descriptions[1].contains(QStringLiteral("score")),
                 qPrintable(descriptions[1]));
        QVERIFY(!descriptions[1].contains(QStringLiteral("water column")));
        // One floating in the water column says so: its placemark is the towfish's nadir.
        list[1].groundRange = 0;
        list[1].nearSlant = 4.5;
        list[1].farSlant = 5.5;
        report::writeContacts(list, path.toStdString());
        QVERIFY2(readAll(path).contains("in the water column 5.0 m (slant) from the towfish"),
                 readAll(path).constData());
        list[1].waterColumn = true; // placed from where its shadow falls
        list[1].groundRange = 3.2;
        list[1].aboveSeabed = 3.6;
        report::writeContacts(list, path.toStdString());
        QVERIFY2(readAll(path).contains("in the water column 3.6 m above the seabed at this point"),
                 readAll(path).constData());
    }

    void kmlIsWellFormedWithEveryPlacemark()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("c.kml"));
        report::writeContacts(contacts(), path.toStdString());
        QXmlStreamReader xml(readAll(path));
        int placemarks = 0;
        QStringList coordinates;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("Placemark"))
                ++placemarks;
            if (xml.isStartElement() && xml.name() == QLatin1String("coordinates"))
                coordinates << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(placemarks, 2);
        QCOMPARE(coordinates.first(), QStringLiteral("-68.82812340,48.44567890,0"));
        // Every field a GIS attribute of its own (typed ExtendedData), read back by name: the review,
        // the note as written, and no height where no shadow was found (not 0).
        std::vector<std::map<QString, QString>> fields;
        QXmlStreamReader again(readAll(path));
        QString name;
        while (!again.atEnd()) {
            again.readNext();
            if (again.isStartElement() && again.name() == QLatin1String("Placemark"))
                fields.emplace_back();
            if (again.isStartElement() && again.name() == QLatin1String("SimpleData")) {
                name = again.attributes().value(QStringLiteral("name")).toString();
                fields.back()[name] = again.readElementText();
            }
            if (again.isStartElement() && again.name() == QLatin1String("SimpleField") &&
                again.attributes().value(QStringLiteral("name")) == QLatin1String("height_m"))
                QCOMPARE(again.attributes().value(QStringLiteral("type")).toString(), QStringLiteral("double"));
        }
        QCOMPARE(fields.size(), std::size_t(2));
        QCOMPARE(fields[0][QStringLiteral("status")], QStringLiteral("confirmed"));
        QCOMPARE(fields[0][QStringLiteral("class")], QStringLiteral("wreck"));
        QCOMPARE(fields[0][QStringLiteral("note")], QStringLiteral("bow, \"Scotsman\" & debris < 10 m"));
        QCOMPARE(fields[0][QStringLiteral("height_m")].toDouble(), 1.01);
        QCOMPARE(fields[0][QStringLiteral("side")], QStringLiteral("starboard"));
        QVERIFY(!fields[1].count(QStringLiteral("height_m")));
        QCOMPARE(fields[1][QStringLiteral("ping")], QStringLiteral("12"));
    }

    void csvQuotesWhatNeedsIt()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("c.csv"));
        report::writeContacts(contacts(), path.toStdString());
        const auto lines = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[1].endsWith(QStringLiteral("\"bow, \"\"Scotsman\"\" & debris < 10 m\"")));
        QVERIFY(lines[1].contains(QStringLiteral("-68.82812340,48.44567890")));
        // height_m (the ninth column): 1.01, and empty for the contact with no shadow found.
        QCOMPARE(lines[1].split(QLatin1Char(','))[8], QStringLiteral("1.01"));
        QCOMPARE(lines[2].split(QLatin1Char(','))[8], QString());
        // above_seabed_m (the tenth) and cnn_objectness (the thirteenth): empty on the seabed and where
        // the CNN was not asked.
        QVERIFY(lines[0].startsWith(QStringLiteral("ping,side,time,longitude,latitude,ground_range_m,length_m,width_m,"
                                                   "height_m,above_seabed_m,class,score,cnn_objectness,")));
        QCOMPARE(lines[1].split(QLatin1Char(','))[9], QString());
        QCOMPARE(lines[1].split(QLatin1Char(','))[12], QString());
        auto floating = contacts();
        floating[0].groundRange = 3.2;
        floating[0].waterColumn = true;
        floating[0].aboveSeabed = 3.6;
        floating[0].cnnClass = "rock";
        floating[0].cnnObjectness = 0.02;
        report::writeContacts(floating, path.toStdString());
        const auto again = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(again[1].split(QLatin1Char(','))[9], QStringLiteral("3.60"));
        QCOMPARE(again[1].split(QLatin1Char(','))[12], QStringLiteral("0.020"));
    }

    void alertsAreNotPlacesAndUnknownFormatsAreRefused()
    {
        QTemporaryDir dir;
        project::AlertRecord a;
        a.start = 1763880024;
        a.end = 1763880025;
        a.peak = 1763880024.5;
        a.status = "rejected";
        const auto csv = dir.filePath(QStringLiteral("a.csv"));
        report::writeAlerts({a}, csv.toStdString());
        QVERIFY(readAll(csv).contains("2025-11-23T06:40:24.000Z"));
        for (const char* name : {"a.kml", "a.docx"}) {
            const auto path = dir.filePath(QLatin1String(name)).toStdString();
            try {
                report::writeAlerts({a}, path);
                QFAIL(name);
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
            }
            QVERIFY(!QFile::exists(QString::fromStdString(path)));
        }
    }

    void aFailedWriteKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("c.csv"));
        report::writeContacts(contacts(), path.toStdString());
        const auto before = readAll(path);
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.csv"))); // a folder where the file should go
        const auto blocked = dir.filePath(QStringLiteral("taken.csv")).toStdString();
        QVERIFY_THROWS_EXCEPTION(Error, report::writeContacts(contacts(), blocked));
        QCOMPARE(readAll(path), before);
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
