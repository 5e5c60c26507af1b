// The Korean and English catalogues cover every string in the UI, with the same placeholders.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    struct Message
    {
        QString source;
        QString translation;
        bool unfinished;
    };

    static QList<Message> read(const QString& language)
    {
        QFile file(qEnvironmentVariable("FATHOM_SOURCE_DIR") +
                   QStringLiteral("/translations/fathom_%1.ts").arg(language));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<Message> messages;
        QXmlStreamReader xml(&file);
        Message current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                current = {xml.readElementText(), {}, false};
            } else if (xml.name() == QLatin1String("translation")) {
                current.unfinished = xml.attributes().hasAttribute(QLatin1String("type"));
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                messages << current;
            }
        }
        return messages;
    }

    static QSet<QString> placeholders(const QString& text)
    {
        QSet<QString> found;
        static const QRegularExpression marker(QStringLiteral("%\\d"));
        for (auto it = marker.globalMatch(text); it.hasNext();)
            found << it.next().captured();
        return found;
    }

private slots:
    void everyStringIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("ko") << QStringLiteral("ko");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void everyStringIsTranslated()
    {
        QFETCH(QString, language);
        const auto messages = read(language);
        QVERIFY2(messages.size() > 50, "the catalogue is missing or nearly empty");
        for (const auto& message : messages) {
            QVERIFY2(!message.unfinished && !message.translation.isEmpty(), qPrintable(message.source));
            QCOMPARE(placeholders(message.translation), placeholders(message.source));
        }
    }

    void everyStringOfTheSourcesIsInTheCatalogue_data() { everyStringIsTranslated_data(); }

    void everyStringOfTheSourcesIsInTheCatalogue()
    {
        // lupdate run over the sources into a copy of the catalogue: a string in the code that the
        // catalogue lacks (someone forgot `update_translations`) arrives unfinished.
        QFETCH(QString, language);
        QTemporaryDir dir;
        const auto copy = dir.filePath(QStringLiteral("catalogue.ts"));
        const auto source = qEnvironmentVariable("FATHOM_SOURCE_DIR");
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/fathom_%1.ts").arg(language), copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(source);
        lupdate.start(QStringLiteral(FATHOM_LUPDATE),
                      {QStringLiteral("app"), QStringLiteral("widgets"), QStringLiteral("-extensions"),
                       QStringLiteral("cpp,h"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QFile updated(copy);
        QVERIFY(updated.open(QIODevice::ReadOnly));
        const auto text = QString::fromUtf8(updated.readAll());
        QStringList missing;
        static const QRegularExpression unfinished(
            QStringLiteral("<source>([^<]*)</source>\\s*<translation type=\"unfinished\""));
        for (auto it = unfinished.globalMatch(text); it.hasNext();)
            missing << it.next().captured(1);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in the catalogue (build update_translations): ") +
                                               missing.join(QStringLiteral(" | "))));
        QCOMPARE(read(language).size(), int(text.count(QStringLiteral("<source>"))));
    }

    void koreanIsKorean()
    {
        int hangul = 0;
        const auto messages = read(QStringLiteral("ko"));
        for (const auto& message : messages)
            hangul += message.translation.contains(QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]")));
        QVERIFY2(hangul > messages.size() * 3 / 4, "most Korean strings hold no Hangul");
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
