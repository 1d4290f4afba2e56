package org.convene.demo;

import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The demo "Co-production Week", drawn from SCIE's Co-production Week material (shared/seeds): its theme,
 * the partner organisations and the kinds of activity those documents name, filled out to a full programme.
 * Facilitators are invented people; the organisations and session topics come from the documents.
 */
final class DemoProgramme {

    static final String THEME = "Co-production in a changing world";
    static final String ZONE = "Europe/London";
    static final String DEMO_FACILITATOR_EMAIL = "facilitator@example.org";
    /** The demo partner host's coordinator account, and the organisation whose sessions it manages. */
    static final String DEMO_HOST_EMAIL = "host@example.org";
    static final String DEMO_HOST_ORGANISATION = "Age Better in Sheffield";

    enum Access { BSL, CAPTIONS, EASY_READ, PHONE, BREAKS }

    record Host(String name, @Nullable String website, String description) {
    }

    record Person(String name, String organisation, String bio, @Nullable String accountEmail) {
    }

    /**
     * @param day   1 = Monday of the week
     * @param track index into {@link #TRACKS}
     */
    record Session(int day, String start, int minutes, int track, String host, String format, String title,
                   String summary, Set<Access> access, @Nullable String accessNotes, @Nullable Integer capacity,
                   List<String> people) {
    }

    static final List<String> TRACKS = List.of("Main stage", "Workshops", "Community and culture");

    static final List<Host> HOSTS = List.of(
            new Host("Social Care Institute for Excellence (SCIE)", "https://www.scie.org.uk",
                    "Improves the lives of people who use care services by sharing knowledge about what works. Hosts Co-production Week."),
            new Host("National Co-production Advisory Group", null,
                    "People who use services, carers and citizens who advise on co-production across health and social care."),
            new Host("Age Better in Sheffield", null,
                    "An Ageing Better programme reducing isolation and loneliness for older people in Sheffield, led by South Yorkshire Housing Association."),
            new Host("Nurture Development", null, "Asset-Based Community Development practitioners."),
            new Host("The Care Leaders", null, "Care-experienced trainers who help professionals understand young people in care."),
            new Host("The Oxfordshire Recovery College", null, "Free courses about mental health and recovery, co-produced by people with lived experience."),
            new Host("Co-production Network for Wales", null, "A network for people who want to make co-production part of public services in Wales."),
            new Host("Oxfordshire Kindness Wave", null, "Neighbours helping neighbours across Oxfordshire."),
            new Host("Peoples Voice Media", null, "Community reporters telling the stories of their communities."),
            new Host("Spectrum Centre for Independent Living", null, "A user-led organisation run by and for disabled people."),
            new Host("Older People's Advocacy Alliance (OPAAL)", null, "Promotes independent advocacy for older people."),
            new Host("Helix Arts", null, "Participatory arts with communities."),
            new Host("Touchstone", null, "A Leeds provider of mental health and community services."),
            new Host("Hampshire County Council", null, "Adult social care in Hampshire."),
            new Host("Time to Shine Leeds", null, "An Ageing Better programme in Leeds."),
            new Host("Brightlife Cheshire", null, "An Ageing Better programme in Cheshire."));

    static final List<Person> PEOPLE = List.of(
            new Person("Fran Facilitator", "Social Care Institute for Excellence (SCIE)",
                    "Co-production lead who chairs the week's main stage and moderates questions.", DEMO_FACILITATOR_EMAIL),
            new Person("Amira Okafor", "National Co-production Advisory Group", "Carer and adviser on co-production in social care.", null),
            new Person("Dev Patel", "Age Better in Sheffield", "Co-production project worker with older people's groups in Sheffield.", null),
            new Person("Grace Whitfield", "Nurture Development", "Community builder and ABCD trainer.", null),
            new Person("Jordan Blake", "The Care Leaders", "Care-experienced trainer and facilitator.", null),
            new Person("Priya Sandhu", "The Oxfordshire Recovery College", "Peer trainer who co-designs online courses.", null),
            new Person("Rhys Llewellyn", "Co-production Network for Wales", "Network coordinator for co-production in Wales.", null),
            new Person("Maggie Doyle", "Older People's Advocacy Alliance (OPAAL)", "Independent advocate for older people.", null),
            new Person("Sam Osei", "Spectrum Centre for Independent Living", "Disabled activist and trainer in independent living.", null),
            new Person("Lena Kowalski", "Peoples Voice Media", "Community reporter and trainer.", null),
            new Person("Tom Ashworth", "Helix Arts", "Participatory artist working with older people and carers.", null),
            new Person("Hannah Reid", "Hampshire County Council", "Commissioner for adult social care.", null));

    static final List<Session> SESSIONS = List.of(
            // Monday
            new Session(1, "10:00", 60, 0, "Social Care Institute for Excellence (SCIE)", "WEBINAR",
                    "Welcome to Co-production Week: co-production in a changing world",
                    "The opening session of the week. What co-production means, why it matters more than ever, and how to take part in the week.\n\n*Nothing about us without us.*",
                    EnumSet.of(Access.BSL, Access.CAPTIONS, Access.EASY_READ), "Slides are sent a day before to everyone on the agenda.", null,
                    List.of("Fran Facilitator", "Amira Okafor")),
            new Session(1, "11:30", 90, 1, "Nurture Development", "WORKSHOP",
                    "Asset-Based Community Development: one eye on COVID-19, the other on our gifts",
                    "A practical workshop on **Asset-Based Community Development** (ABCD): starting from what communities already have rather than what they lack.",
                    EnumSet.of(Access.CAPTIONS, Access.BREAKS), "A 10-minute break halfway through.", 40, List.of("Grace Whitfield")),
            new Session(1, "11:30", 60, 2, "Peoples Voice Media", "TALK",
                    "Community reporting: telling our own stories",
                    "How community reporters use their own stories to change services, with examples from the last year.",
                    EnumSet.of(Access.CAPTIONS, Access.PHONE), null, null, List.of("Lena Kowalski")),
            new Session(1, "14:00", 60, 0, "National Co-production Advisory Group", "PANEL",
                    "Power sharing: who really decides?",
                    "People who use services, carers and commissioners talk openly about sharing power on boards and committees.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS), null, null, List.of("Amira Okafor", "Hannah Reid", "Fran Facilitator")),
            new Session(1, "14:00", 90, 1, "The Care Leaders", "WORKSHOP",
                    "Messages in Behaviour, part 1: why young people come into care",
                    "The first of a series of workshops facilitated by care-experienced trainers. What behaviour can tell us, and how to listen.",
                    EnumSet.of(Access.CAPTIONS, Access.BREAKS), "Content includes experiences of trauma. You can leave and rejoin at any time.", 30,
                    List.of("Jordan Blake")),
            new Session(1, "16:00", 60, 2, "Helix Arts", "SOCIAL",
                    "Co-production café: meet other people taking part",
                    "An informal online café to meet others, share what you are doing this week and make connections.",
                    EnumSet.of(Access.PHONE, Access.EASY_READ), null, null, List.of("Tom Ashworth")),
            // Tuesday
            new Session(2, "10:00", 60, 0, "Age Better in Sheffield", "WEBINAR",
                    "Co-pro in action: what Ageing Better learned in five years",
                    "Insights from the 14 Ageing Better programme areas, on behalf of the #ABCOPRO project: the key principles of co-production in our own words.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS), null, null, List.of("Dev Patel", "Fran Facilitator")),
            new Session(2, "11:30", 90, 1, "The Oxfordshire Recovery College", "WORKSHOP",
                    "Jumping headfirst into the new normal: online interactive workshops, quickly and co-productively",
                    "How a recovery college moved its courses online in weeks, with students designing every step.",
                    EnumSet.of(Access.CAPTIONS, Access.BREAKS, Access.EASY_READ), null, 35, List.of("Priya Sandhu")),
            new Session(2, "11:30", 60, 2, "Age Better in Sheffield", "TALK",
                    "Melting Pot Lunches: starting with food",
                    "Engaging BAME communities and men around a shared love of food, to spark ideas for activities that are right for them.",
                    EnumSet.of(Access.CAPTIONS), null, null, List.of("Dev Patel")),
            new Session(2, "14:00", 60, 0, "Co-production Network for Wales", "PANEL",
                    "Co-production in Wales: from law to everyday practice",
                    "How co-production became part of public services in Wales, and what is still hard.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS), "Welsh and English spoken; captions in English.", null, List.of("Rhys Llewellyn")),
            new Session(2, "14:00", 90, 1, "The Care Leaders", "WORKSHOP",
                    "Messages in Behaviour, part 2: listening to young people",
                    "The second workshop in the series: practical ways to hear what young people in care are telling us.",
                    EnumSet.of(Access.CAPTIONS, Access.BREAKS), null, 30, List.of("Jordan Blake")),
            new Session(2, "16:00", 60, 2, "Oxfordshire Kindness Wave", "DROP_IN",
                    "Kindness in your neighbourhood: a drop-in",
                    "Drop in to hear how mutual aid groups sprang up in lockdown, and how they keep going.",
                    EnumSet.of(Access.PHONE), null, null, List.of()),
            // Wednesday
            new Session(3, "10:00", 60, 0, "Social Care Institute for Excellence (SCIE)", "WEBINAR",
                    "Imagine co-production: truly representative boards",
                    "What would a co-produced service look like? Boards that reflect the communities they serve, and staff who no longer need to be the experts with all the answers.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS, Access.EASY_READ), null, null, List.of("Fran Facilitator", "Sam Osei")),
            new Session(3, "11:30", 90, 1, "Spectrum Centre for Independent Living", "WORKSHOP",
                    "Independent living: co-producing support with disabled people",
                    "Disabled people lead this workshop on designing support that gives real choice and control.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS, Access.BREAKS), null, 40, List.of("Sam Osei")),
            new Session(3, "11:30", 60, 2, "Older People's Advocacy Alliance (OPAAL)", "TALK",
                    "Advocacy and co-production for older people",
                    "Why independent advocacy matters when older people help shape services.",
                    EnumSet.of(Access.CAPTIONS, Access.PHONE, Access.EASY_READ), null, null, List.of("Maggie Doyle")),
            new Session(3, "14:00", 60, 0, "Hampshire County Council", "PANEL",
                    "Commissioning with people, not for them",
                    "Commissioners and people who use services on co-producing what gets bought, and how to measure whether it works.",
                    EnumSet.of(Access.CAPTIONS), null, null, List.of("Hannah Reid", "Amira Okafor")),
            new Session(3, "14:00", 90, 1, "The Care Leaders", "WORKSHOP",
                    "Messages in Behaviour, part 3: changing practice together",
                    "The last workshop in the series: turning what we heard into changes in everyday practice.",
                    EnumSet.of(Access.CAPTIONS, Access.BREAKS), null, 30, List.of("Jordan Blake")),
            new Session(3, "16:00", 60, 2, "Helix Arts", "PERFORMANCE",
                    "Poetry and music from the co-production festival",
                    "Poems, songs and stories by people who use services and carers, performed live.",
                    EnumSet.of(Access.CAPTIONS, Access.BSL), null, null, List.of("Tom Ashworth")),
            // Thursday
            new Session(4, "10:00", 60, 0, "Social Care Institute for Excellence (SCIE)", "WEBINAR",
                    "Co-production and the pandemic: what we learned",
                    "Losses, mutual aid and change: service users, carers and providers on what the pandemic taught us about working together.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS), null, null, List.of("Fran Facilitator", "Rhys Llewellyn")),
            new Session(4, "11:30", 90, 1, "Age Better in Sheffield", "WORKSHOP",
                    "Neighbourhood toolkits: co-designing with residents of all ages",
                    "How the Firth Park toolkit was co-designed with local residents and posted to 7,000 homes, and how to make your own.",
                    EnumSet.of(Access.CAPTIONS, Access.EASY_READ, Access.BREAKS), null, 40, List.of("Dev Patel")),
            new Session(4, "11:30", 60, 2, "Time to Shine Leeds", "TALK",
                    "Time to Shine: co-production with older people in Leeds",
                    "Stories from Time to Shine partners on reducing loneliness with older people as equal partners.",
                    EnumSet.of(Access.CAPTIONS, Access.PHONE), null, null, List.of()),
            new Session(4, "14:00", 60, 0, "Touchstone", "WEBINAR",
                    "Mental health services designed with the people who use them",
                    "A Leeds provider on co-producing community mental health services.",
                    EnumSet.of(Access.CAPTIONS), null, null, List.of("Priya Sandhu")),
            new Session(4, "14:00", 90, 1, "Peoples Voice Media", "WORKSHOP",
                    "Become a community reporter",
                    "A hands-on introduction to recording and sharing your community's stories with a phone.",
                    EnumSet.of(Access.CAPTIONS, Access.BREAKS), null, 25, List.of("Lena Kowalski")),
            new Session(4, "16:00", 60, 2, "Brightlife Cheshire", "SOCIAL",
                    "Brightlife social: tea, chat and ideas",
                    "An informal chat with Brightlife Cheshire volunteers and participants.",
                    EnumSet.of(Access.PHONE, Access.EASY_READ), null, null, List.of()),
            // Friday
            new Session(5, "10:00", 60, 0, "National Co-production Advisory Group", "PANEL",
                    "Making a co-production commitment",
                    "Organisations and individuals share the one thing they will do to support co-production this year.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS, Access.EASY_READ), null, null, List.of("Amira Okafor", "Fran Facilitator")),
            new Session(5, "11:30", 90, 1, "Co-production Network for Wales", "WORKSHOP",
                    "Measuring what matters: evaluating co-production",
                    "How to tell whether co-production is working, with measures people who use services helped to choose.",
                    EnumSet.of(Access.CAPTIONS, Access.BREAKS), null, 40, List.of("Rhys Llewellyn")),
            new Session(5, "11:30", 60, 2, "Older People's Advocacy Alliance (OPAAL)", "DROP_IN",
                    "Ask an advocate: a drop-in for older people and carers",
                    "Bring your questions about advocacy and having your say in services.",
                    EnumSet.of(Access.PHONE, Access.EASY_READ), null, null, List.of("Maggie Doyle")),
            new Session(5, "14:00", 60, 0, "Social Care Institute for Excellence (SCIE)", "WEBINAR",
                    "Nothing about us without us: closing the week",
                    "Highlights of the week, what we will do next, and a thank you to everyone who took part.",
                    EnumSet.of(Access.BSL, Access.CAPTIONS, Access.EASY_READ), null, null, List.of("Fran Facilitator")),
            new Session(5, "15:30", 60, 2, "Helix Arts", "PERFORMANCE",
                    "Co-production festival: comedy and music",
                    "The week ends with comedy and music from disabled performers.",
                    EnumSet.of(Access.CAPTIONS, Access.BSL), null, null, List.of("Tom Ashworth")));

    /** Sessions of an earlier week, kept with their recordings so past conferences can be browsed. */
    static final List<Session> PAST_SESSIONS = List.of(
            new Session(1, "10:00", 60, 0, "Social Care Institute for Excellence (SCIE)", "WEBINAR",
                    "Co-production Week 2020: opening webinar",
                    "The fifth Co-production Week opens, online for the first time.",
                    EnumSet.of(Access.CAPTIONS), null, null, List.of("Fran Facilitator")),
            new Session(2, "11:00", 90, 1, "Nurture Development", "WORKSHOP",
                    "ABCD in a pandemic",
                    "Asset-Based Community Development while communities were in lockdown.",
                    EnumSet.of(Access.CAPTIONS), null, null, List.of("Grace Whitfield")),
            new Session(3, "14:00", 60, 0, "The Oxfordshire Recovery College", "WEBINAR",
                    "Moving a recovery college online",
                    "What it took to move courses online in weeks.",
                    EnumSet.of(Access.CAPTIONS, Access.EASY_READ), null, null, List.of("Priya Sandhu")));

    private DemoProgramme() {
    }

    /** Monday of the week containing today, or of next week at a weekend, so the demo is live when tried. */
    static LocalDate demoMonday(LocalDate today) {
        if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return today.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        return today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm);
    }
}
