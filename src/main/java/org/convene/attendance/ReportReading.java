package org.convene.attendance;

import java.util.List;

/** What reading a meeting tool's report gave: every stay in it, or what is wrong with the file. */
public sealed interface ReportReading {

    /**
     * @param notes how the file was read, for the host to check (the order of day and month, the section used)
     */
    record Read(List<ReportedParticipant> participants, List<String> notes) implements ReportReading {
        public Read {
            participants = List.copyOf(participants);
            notes = List.copyOf(notes);
        }
    }

    /** Nothing of the file is imported: each problem names the line and what is wrong, in plain words. */
    record Unreadable(List<String> problems) implements ReportReading {
        public Unreadable {
            problems = List.copyOf(problems);
        }

        static Unreadable of(String problem) {
            return new Unreadable(List.of(problem));
        }
    }
}
