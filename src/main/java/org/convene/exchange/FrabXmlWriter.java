package org.convene.exchange;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;

/** Writes the frab schedule XML that Giggity, EventFahrplan and info-beamer read (c3voc schedule.xml.xsd). */
final class FrabXmlWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private FrabXmlWriter() {
    }

    static String write(FrabSchedule schedule) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("schedule");
            xml.writeEmptyElement("generator");
            xml.writeAttribute("name", "Convene");
            text(xml, "url", schedule.baseUrl + "/conferences/" + schedule.conference.slug() + "/schedule.xml");
            text(xml, "version", schedule.version);
            xml.writeStartElement("conference");
            text(xml, "title", schedule.conference.name());
            text(xml, "acronym", schedule.acronym());
            text(xml, "start", schedule.conference.firstDay().toString());
            text(xml, "end", schedule.conference.lastDay().toString());
            text(xml, "days", String.valueOf(schedule.days.size()));
            text(xml, "timeslot_duration", "00:05");
            text(xml, "base_url", schedule.baseUrl + "/");
            text(xml, "url", schedule.baseUrl + "/conferences/" + schedule.conference.slug());
            text(xml, "time_zone_name", schedule.conference.timeZone().getId());
            xml.writeEndElement();
            for (FrabSchedule.Day day : schedule.days) {
                xml.writeStartElement("day");
                xml.writeAttribute("index", String.valueOf(day.index()));
                xml.writeAttribute("date", day.date().toString());
                xml.writeAttribute("start", DATE_TIME.format(schedule.dayStart(day)));
                xml.writeAttribute("end", DATE_TIME.format(schedule.dayEnd(day)));
                for (var room : day.rooms().entrySet()) {
                    xml.writeStartElement("room");
                    xml.writeAttribute("name", xmlSafe(room.getKey()));
                    for (ScheduleSession session : room.getValue()) {
                        event(xml, schedule, session);
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void event(XMLStreamWriter xml, FrabSchedule schedule, ScheduleSession session)
            throws XMLStreamException {
        xml.writeStartElement("event");
        xml.writeAttribute("id", String.valueOf(session.id()));
        xml.writeAttribute("guid", session.exportGuid().toString());
        text(xml, "date", DATE_TIME.format(schedule.start(session)));
        text(xml, "start", FrabSchedule.HOURS_MINUTES.format(schedule.start(session)));
        text(xml, "duration", FrabSchedule.duration(session));
        text(xml, "room", schedule.room(session));
        text(xml, "slug", schedule.slug(session));
        text(xml, "url", schedule.sessionUrl(session));
        text(xml, "title", session.title());
        text(xml, "subtitle", "");
        text(xml, "track", session.track() == null ? "" : session.track());
        text(xml, "type", session.format().label());
        text(xml, "language", "en");
        text(xml, "abstract", FrabSchedule.plainText(session.summaryMarkdown()));
        text(xml, "description", session.summaryMarkdown());
        xml.writeStartElement("recording");
        text(xml, "license", "");
        text(xml, "optout", "false");
        if (session.recordingUrl() != null) {
            text(xml, "url", session.recordingUrl());
        }
        xml.writeEndElement();
        xml.writeStartElement("persons");
        for (ScheduleSession.Person person : session.people()) {
            xml.writeStartElement("person");
            xml.writeAttribute("id", String.valueOf(person.id()));
            xml.writeCharacters(xmlSafe(person.name()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeStartElement("links");
        for (FrabJsonWriter.Link link : FrabJsonWriter.links(schedule, session)) {
            xml.writeStartElement("link");
            xml.writeAttribute("href", link.url());
            xml.writeAttribute("type", link.type());
            xml.writeCharacters(xmlSafe(link.title()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    /** Control characters pasted into a summary cannot appear in XML 1.0 at all, escaped or not. */
    static String xmlSafe(String value) {
        return value == null ? "" : NOT_XML.matcher(value).replaceAll("");
    }

    private static final java.util.regex.Pattern NOT_XML =
            java.util.regex.Pattern.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

}
