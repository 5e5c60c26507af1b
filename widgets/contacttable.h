#pragma once

#include "reviewtable.h"

namespace fathom {

// The Contacts dock: every proposed or marked contact, reviewed as alerts are, and classed with
// a key: 1 cylinder, 2 cone, 3 sphere (mine-like), 4 rock, 5 debris, 6 wreck, 0 no class.
class ContactTable : public ReviewTable
{
    Q_OBJECT

public:
    struct Row
    {
        qint64 ping = 0;
        QString side, time, position;
        double range = 0, // across the seabed; negative: in the water column (shown "—")
            length = 0, width = 0, height = 0, score = 0;
        QString cls, detector;
        double cnn = -1; // how likely the CNN thinks an object is in the box, 0..1; negative: not asked
        QString status = QStringLiteral("new");
        QString note;
    };

    explicit ContactTable(QWidget* parent = nullptr);
    void setContacts(const QVector<Row>& rows);
    static QStringList classes(); // in key order, 1..6
    // A class as the UI language names it ("cylinder" -> "원통형"); unknown keys as they are.
    static QString className(const QString& key);
    // A detector as the UI language names it ("classical" -> "고전"); unknown names as they are.
    static QString detectorName(const QString& key);
    // The class a key gives (empty for 0), or a null string for a key that is no class key.
    static QString classForKey(int key);
    // Review keys pressed elsewhere (the waterfall, the gallery) as if on the list: C, X, U, 0–6,
    // Delete and Enter (its note, edited in the list) on the current contact; J and K move. False for any other key, or
    // with no contact chosen for one that needs it.
    bool reviewKey(int key);

signals:
    void classRequested(int index, const QString& cls);

protected:
    QStringList columnTitles() const override;
    QString summaryText(int total, int confirmed, int rejected, int shown) const override;
    QString filterHint() const override;
    bool claimsKey(int key) const override;
};

} // namespace fathom
