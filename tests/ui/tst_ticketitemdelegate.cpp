// TicketItemDelegate: the inbox's painted cells (badges, avatars, tags, SLA countdowns) and the
// TicketListModel roles they read.

#include "roles.h"
#include "ticketitemdelegate.h"
#include "ticketlistmodel.h"
#include "uitestdata.h"
#include "uuid.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Pult;

class TicketItemDelegateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passesModelTester();
    void channelTagsAndAssigneeRoles();
    void slaDeadlineRole_data();
    void slaDeadlineRole();
    void slaCountdownFollowsTheModelsClock();
    void slaText_data();
    void slaText();
    void initials_data();
    void initials();
    void avatarColourIsStable();
    void sizeHintIsOneUniformLine();
    void paintsBadgesAndAvatar_data();
    void paintsBadgesAndAvatar();
    void paintsEveryCellOfEveryRow();

private:
    QStyleOptionViewItem optionFor(const QWidget *view, const QRect &rect,
                                   const QPalette &palette) const;
    QImage paintCell(const TicketItemDelegate &delegate, const QModelIndex &index,
                     const QPalette &palette, bool selected, const QWidget *view) const;

    static constexpr int kTickets = 12;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    UiTest::Fixture m_fixture;
    QDateTime m_now;
    Ticket m_firstResponseDue;  // open, no reply, first response due in 45 min
    Ticket m_resolutionOverdue; // answered; first response deadline passed, resolution 2 h ago
    Ticket m_solved;            // deadlines, but solved
    Ticket m_noSla;             // active, no deadlines
};

void TicketItemDelegateTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = UiTest::openStore(m_dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(m_store);
    m_fixture = UiTest::fillStore(*m_store, kTickets);
    m_now = UiTest::at(kTickets * 10 + 100);

    UuidV7Generator ids;
    const auto make = [&](const QString &subject, TicketStatus status, int minutesAfter) {
        Ticket t;
        t.id = ids.next();
        t.number = 5000 + minutesAfter;
        t.subject = subject;
        t.status = status;
        t.departmentId = m_fixture.billing.id;
        t.requesterId = m_fixture.contacts.first().id;
        t.created = UiTest::at(kTickets * 10 + minutesAfter - 1);
        t.updated = UiTest::at(kTickets * 10 + minutesAfter);
        return t;
    };
    m_firstResponseDue = make(QStringLiteral("Chat about the VPN"), TicketStatus::Open, 1);
    m_firstResponseDue.channel = Channel::Chat;
    m_firstResponseDue.assigneeId = m_fixture.boris.id;
    m_firstResponseDue.firstResponseDeadline = m_now.addSecs(45 * 60);
    m_firstResponseDue.resolutionDeadline = m_now.addSecs(8 * 3600);

    m_resolutionOverdue = make(QStringLiteral("Phone call"), TicketStatus::Pending, 2);
    m_resolutionOverdue.channel = Channel::Phone;
    m_resolutionOverdue.firstResponseAt = m_now.addSecs(-5 * 3600);
    m_resolutionOverdue.firstResponseDeadline = m_now.addSecs(-4 * 3600);
    m_resolutionOverdue.resolutionDeadline = m_now.addSecs(-2 * 3600 - 600);

    m_solved = make(QStringLiteral("Solved by the API"), TicketStatus::Solved, 3);
    m_solved.channel = Channel::Api;
    m_solved.firstResponseDeadline = m_now.addSecs(600);
    m_solved.resolutionDeadline = m_now.addSecs(3600);

    m_noSla = make(QStringLiteral("Web form without SLA"), TicketStatus::New, 4);
    m_noSla.channel = Channel::WebForm;

    for (const Ticket &t : {m_firstResponseDue, m_resolutionOverdue, m_solved, m_noSla})
        QVERIFY(m_store->put(t).good());
}

void TicketItemDelegateTest::passesModelTester()
{
    TicketListModel model(*m_store);
    model.setClock([this] { return m_now; });
    model.setPageSize(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QVERIFY(UiTest::fetchAll(model));
    QCOMPARE(model.rowCount(), kTickets + 4);
    model.refreshRelativeTimes();
    model.setSearchText(QStringLiteral("Łódź"));
    QVERIFY(UiTest::settled(model));
    model.setSearchText(QString());
    QVERIFY(UiTest::settled(model));
}

void TicketItemDelegateTest::channelTagsAndAssigneeRoles()
{
    TicketListModel model(*m_store);
    model.setClock([this] { return m_now; });
    model.setPageSize(100);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));

    const QModelIndex lodz = model.indexOf(m_fixture.lodzTicket.id, TicketListModel::SubjectColumn);
    QVERIFY(lodz.isValid());
    QCOMPARE(lodz.data(TicketTagsRole).toStringList(),
             QStringList({QStringLiteral("hardware"), QStringLiteral("vip")}));
    QCOMPARE(lodz.data(TicketChannelRole).toInt(), int(Channel::Email));
    QCOMPARE(lodz.data(TicketAssigneeNameRole).toString(), m_fixture.ana.name);

    const QModelIndex chat = model.indexOf(m_firstResponseDue.id, TicketListModel::AssigneeColumn);
    QCOMPARE(chat.data(TicketChannelRole).toInt(), int(Channel::Chat));
    QCOMPARE(chat.data(TicketTagsRole).toStringList(), QStringList());
    QCOMPARE(chat.data(TicketAssigneeNameRole).toString(), m_fixture.boris.name);
    QCOMPARE(model.indexOf(m_resolutionOverdue.id).data(TicketChannelRole).toInt(),
             int(Channel::Phone));
    QCOMPARE(model.indexOf(m_solved.id).data(TicketChannelRole).toInt(), int(Channel::Api));
    QCOMPARE(model.indexOf(m_noSla.id).data(TicketChannelRole).toInt(), int(Channel::WebForm));

    // Unassigned: no name for the avatar, and the dimmed "Unassigned" text stays.
    const QModelIndex unassigned =
        model.indexOf(m_fixture.tickets.at(0).id, TicketListModel::AssigneeColumn);
    QVERIFY(unassigned.isValid());
    QVERIFY(m_fixture.tickets.at(0).assigneeId.isNull());
    QVERIFY(unassigned.data(TicketAssigneeNameRole).toString().isEmpty());
    QCOMPARE(unassigned.data().toString(), QStringLiteral("Unassigned"));
    QVERIFY(unassigned.data(Qt::ForegroundRole).isValid());
}

void TicketItemDelegateTest::slaDeadlineRole_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QDateTime>("deadline");
    QTest::addColumn<QVariant>("secondsLeft");
    QTest::newRow("first response while unanswered")
        << 0 << m_now.addSecs(45 * 60) << QVariant(qint64(45 * 60));
    QTest::newRow("resolution once answered")
        << 1 << m_now.addSecs(-2 * 3600 - 600) << QVariant(qint64(-2 * 3600 - 600));
    QTest::newRow("none when solved") << 2 << QDateTime() << QVariant();
    QTest::newRow("none without deadlines") << 3 << QDateTime() << QVariant();
}

void TicketItemDelegateTest::slaDeadlineRole()
{
    QFETCH(int, which);
    QFETCH(QDateTime, deadline);
    QFETCH(QVariant, secondsLeft);
    const Ticket ticket =
        QList<Ticket>{m_firstResponseDue, m_resolutionOverdue, m_solved, m_noSla}.at(which);
    TicketListModel model(*m_store);
    model.setClock([this] { return m_now; });
    model.setPageSize(100);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    const QModelIndex index = model.indexOf(ticket.id, TicketListModel::UpdatedColumn);
    QVERIFY(index.isValid());
    const QVariant value = index.data(TicketSlaDeadlineRole);
    QCOMPARE(value.toDateTime(), deadline);
    QCOMPARE(value.toDateTime().isValid(), deadline.isValid());
    const QVariant left = index.data(TicketSlaSecondsLeftRole);
    QCOMPARE(left.isValid(), secondsLeft.isValid());
    if (secondsLeft.isValid())
        QCOMPARE(left.toLongLong(), secondsLeft.toLongLong());
}

void TicketItemDelegateTest::slaCountdownFollowsTheModelsClock()
{
    TicketListModel model(*m_store);
    QDateTime now = m_now;
    model.setClock([&now] { return now; });
    model.setPageSize(100);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    const QModelIndex index = model.indexOf(m_firstResponseDue.id, TicketListModel::UpdatedColumn);
    QCOMPARE(index.data(TicketSlaSecondsLeftRole).toLongLong(), qint64(45 * 60));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now = now.addSecs(3600);
    model.refreshRelativeTimes();
    QCOMPARE(changed.size(), 1);
    const auto roles = changed.first().at(2).value<QList<int>>();
    QVERIFY(roles.contains(TicketSlaSecondsLeftRole));
    QVERIFY(roles.contains(Qt::DisplayRole));
    QCOMPARE(index.data(TicketSlaSecondsLeftRole).toLongLong(), qint64(-15 * 60));
    QCOMPARE(index.data(TicketSlaDeadlineRole).toDateTime(), m_now.addSecs(45 * 60));
}

void TicketItemDelegateTest::slaText_data()
{
    using Urgency = TicketItemDelegate::SlaUrgency;
    QTest::addColumn<qint64>("secondsLeft");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Urgency>("urgency");
    QTest::newRow("45 min") << qint64(45 * 60) << QStringLiteral("45 min") << Urgency::Soon;
    QTest::newRow("part of a minute") << qint64(30) << QStringLiteral("1 min") << Urgency::Soon;
    QTest::newRow("just due") << qint64(0) << QStringLiteral("1 min") << Urgency::Soon;
    QTest::newRow("one hour") << qint64(3600) << QStringLiteral("1 h") << Urgency::Soon;
    QTest::newRow("hours") << qint64(5 * 3600 + 59) << QStringLiteral("5 h") << Urgency::Normal;
    QTest::newRow("days") << qint64(3 * 24 * 3600) << QStringLiteral("3 d") << Urgency::Normal;
    QTest::newRow("overdue hours")
        << qint64(-2 * 3600 - 600) << QStringLiteral("overdue 2 h") << Urgency::Overdue;
    QTest::newRow("overdue seconds")
        << qint64(-1) << QStringLiteral("overdue 1 min") << Urgency::Overdue;
    QTest::newRow("overdue minutes")
        << qint64(-20 * 60) << QStringLiteral("overdue 20 min") << Urgency::Overdue;
}

void TicketItemDelegateTest::slaText()
{
    QFETCH(qint64, secondsLeft);
    QFETCH(QString, text);
    QFETCH(TicketItemDelegate::SlaUrgency, urgency);
    const TicketItemDelegate::SlaText sla = TicketItemDelegate::slaText(secondsLeft);
    QCOMPARE(sla.text, text);
    QCOMPARE(sla.urgency, urgency);
    QCOMPARE(TicketItemDelegate::slaColor(urgency, false).isValid(),
             urgency != TicketItemDelegate::SlaUrgency::Normal);
}

void TicketItemDelegateTest::initials_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("initials");
    QTest::newRow("two words") << QStringLiteral("Ana Kovač") << QStringLiteral("AK");
    QTest::newRow("three words") << QStringLiteral("Rūta Marija Kazlauskienė")
                                 << QStringLiteral("RK");
    QTest::newRow("one word") << QStringLiteral("Boris") << QStringLiteral("B");
    QTest::newRow("lower case") << QStringLiteral("łukasz żak") << QStringLiteral("ŁŻ");
    QTest::newRow("extra spaces") << QStringLiteral("  Jana   Novak ") << QStringLiteral("JN");
    QTest::newRow("punctuation") << QStringLiteral("Ana (Billing)") << QStringLiteral("AB");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << QString();
}

void TicketItemDelegateTest::initials()
{
    QFETCH(QString, name);
    QFETCH(QString, initials);
    QCOMPARE(TicketItemDelegate::initials(name), initials);
}

void TicketItemDelegateTest::avatarColourIsStable()
{
    const QColor ana = TicketItemDelegate::avatarColor(QStringLiteral("Ana Kovač"), false);
    QCOMPARE(TicketItemDelegate::avatarColor(QStringLiteral("Ana Kovač"), false), ana);
    QVERIFY(TicketItemDelegate::avatarColor(QStringLiteral("Boris Horvat"), false) != ana);
    QVERIFY(TicketItemDelegate::avatarColor(QStringLiteral("Ana Kovač"), true) != ana);
    // Dark variants are lighter, so the circle stands out on a dark window.
    QVERIFY(TicketItemDelegate::avatarColor(QStringLiteral("Ana Kovač"), true).lightness() >
            ana.lightness());
}

void TicketItemDelegateTest::sizeHintIsOneUniformLine()
{
    TicketListModel model(*m_store);
    model.setClock([this] { return m_now; });
    model.setPageSize(100);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QTreeView view;
    view.setModel(&model);
    TicketItemDelegate delegate;
    const QStyleOptionViewItem option = optionFor(&view, QRect(0, 0, 200, 20), view.palette());
    const int line = option.fontMetrics.height();
    const int height = delegate.sizeHint(option, model.index(0, 0)).height();
    QVERIFY2(height >= line && height < 2 * line, qPrintable(QString::number(height)));
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QSize size = delegate.sizeHint(option, model.index(row, column));
            QCOMPARE(size.height(), height);
            QVERIFY(size.width() > 0);
        }
    }
    // Tags and the SLA countdown make their cells wider than plain text.
    const QModelIndex lodz = model.indexOf(m_fixture.lodzTicket.id, TicketListModel::SubjectColumn);
    QStyledItemDelegate plain;
    QVERIFY(delegate.sizeHint(option, lodz).width() > plain.sizeHint(option, lodz).width());
    const QModelIndex due = model.indexOf(m_firstResponseDue.id, TicketListModel::UpdatedColumn);
    QVERIFY(delegate.sizeHint(option, due).width() > plain.sizeHint(option, due).width());
}

QStyleOptionViewItem TicketItemDelegateTest::optionFor(const QWidget *view, const QRect &rect,
                                                       const QPalette &palette) const
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = rect;
    option.palette = palette;
    option.state = QStyle::State_Enabled | QStyle::State_Active;
    option.widget = view;
    option.showDecorationSelected = true;
    return option;
}

QImage TicketItemDelegateTest::paintCell(const TicketItemDelegate &delegate,
                                         const QModelIndex &index, const QPalette &palette,
                                         bool selected, const QWidget *view) const
{
    const QSize size(index.column() == TicketListModel::SubjectColumn ? 420 : 150, 26);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette.color(QPalette::Base));
    QStyleOptionViewItem option = optionFor(view, QRect(QPoint(0, 0), size), palette);
    if (selected)
        option.state |= QStyle::State_Selected;
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    painter.end();
    return image;
}

namespace {

bool containsColor(const QImage &image, const QColor &color, int tolerance = 2)
{
    const QRgb wanted = color.rgb();
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAbs(qRed(line[x]) - qRed(wanted)) <= tolerance &&
                qAbs(qGreen(line[x]) - qGreen(wanted)) <= tolerance &&
                qAbs(qBlue(line[x]) - qBlue(wanted)) <= tolerance)
                return true;
        }
    }
    return false;
}

// Pixels that differ from the fill colour.
int pixelsOtherThan(const QImage &image, const QColor &background)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) != background.rgb() ? 1 : 0;
    }
    return count;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1b));
    palette.setColor(QPalette::AlternateBase, QColor(0x22, 0x24, 0x26));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x5d, 0xb0));
    palette.setColor(QPalette::HighlightedText, QColor(Qt::white));
    return palette;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, QColor(Qt::white));
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
    palette.setColor(QPalette::Text, QColor(Qt::black));
    palette.setColor(QPalette::WindowText, QColor(Qt::black));
    palette.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::HighlightedText, QColor(Qt::white));
    return palette;
}

} // namespace

void TicketItemDelegateTest::paintsBadgesAndAvatar_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("selected");
    QTest::newRow("light") << false << false;
    QTest::newRow("light, selected") << false << true;
    QTest::newRow("dark") << true << false;
    QTest::newRow("dark, selected") << true << true;
}

void TicketItemDelegateTest::paintsBadgesAndAvatar()
{
    QFETCH(bool, dark);
    QFETCH(bool, selected);
    const QPalette palette = dark ? darkPalette() : lightPalette();
    QCOMPARE(TicketItemDelegate::isDark(palette), dark);

    TicketListModel model(*m_store);
    model.setClock([this] { return m_now; });
    model.setPageSize(100);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QTreeView view;
    view.setPalette(palette);
    view.setModel(&model);
    TicketItemDelegate delegate;

    // The Łódź ticket: open, urgent, Ana's, tagged.
    const int row = model.indexOf(m_fixture.lodzTicket.id).row();
    QVERIFY(row >= 0);
    const QImage status = paintCell(delegate, model.index(row, TicketListModel::StatusColumn),
                                    palette, selected, &view);
    const TicketItemDelegate::BadgeColors open =
        TicketItemDelegate::statusColors(TicketStatus::Open, dark);
    QVERIFY(containsColor(status, open.background));
    QVERIFY(!containsColor(
        status, TicketItemDelegate::statusColors(TicketStatus::Pending, dark).background));

    const QImage priority = paintCell(delegate, model.index(row, TicketListModel::PriorityColumn),
                                      palette, selected, &view);
    QVERIFY(containsColor(priority,
                          TicketItemDelegate::priorityColors(Priority::Urgent, dark).background));

    const QImage assignee = paintCell(delegate, model.index(row, TicketListModel::AssigneeColumn),
                                      palette, selected, &view);
    QVERIFY(containsColor(assignee, TicketItemDelegate::avatarColor(m_fixture.ana.name, dark)));

    const QImage subject = paintCell(delegate, model.index(row, TicketListModel::SubjectColumn),
                                     palette, selected, &view);
    QVERIFY(pixelsOtherThan(subject, palette.color(QPalette::Base)) > 50);

    // An SLA about to pass: the stopwatch and countdown in amber (or highlighted text).
    const int dueRow = model.indexOf(m_firstResponseDue.id).row();
    const QImage updated = paintCell(delegate, model.index(dueRow, TicketListModel::UpdatedColumn),
                                     palette, selected, &view);
    const QColor amber = TicketItemDelegate::slaColor(TicketItemDelegate::SlaUrgency::Soon, dark);
    QCOMPARE(containsColor(updated, amber, 0), !selected);

    // An unassigned ticket has no avatar (and the plain delegate paints its dimmed text).
    const int unassignedRow = model.indexOf(m_fixture.tickets.at(0).id).row();
    const QImage nobody =
        paintCell(delegate, model.index(unassignedRow, TicketListModel::AssigneeColumn), palette,
                  selected, &view);
    QVERIFY(pixelsOtherThan(nobody, palette.color(QPalette::Base)) > 0);

    if (selected) {
        // The style's selection panel is painted under the badges.
        QVERIFY(containsColor(status, palette.color(QPalette::Highlight), 8));
        QVERIFY(containsColor(subject, palette.color(QPalette::Highlight), 8));
    }
}

void TicketItemDelegateTest::paintsEveryCellOfEveryRow()
{
    TicketListModel model(*m_store);
    model.setClock([this] { return m_now; });
    model.setPageSize(100);
    QTreeView view;
    view.setModel(&model);
    TicketItemDelegate delegate;
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    for (const QString &search : {QString(), QStringLiteral("Łódź"), QStringLiteral("invoice")}) {
        model.setSearchText(search);
        QVERIFY(UiTest::settled(model));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < model.columnCount(); ++column) {
                const QModelIndex index = model.index(row, column);
                for (const bool selected : {false, true}) {
                    const QImage image =
                        paintCell(delegate, index, view.palette(), selected, &view);
                    QVERIFY(!image.isNull());
                }
                // Narrow cells elide without painting outside.
                QImage narrow(QSize(12, 20), QImage::Format_ARGB32_Premultiplied);
                narrow.fill(Qt::white);
                QPainter painter(&narrow);
                delegate.paint(&painter, optionFor(&view, QRect(0, 0, 12, 20), view.palette()),
                               index);
            }
        }
    }
}

QTEST_MAIN(TicketItemDelegateTest)
#include "tst_ticketitemdelegate.moc"
