package org.convene.qa;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a session's whole board in one snapshot: the sequence numbers and the questions must agree, or a
 * change committed between two statements would be in neither the board nor the events applied after it.
 */
@Component
class BoardReader {

    private final QaRepository repository;

    BoardReader(QaRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LiveBoard read(long sessionId) {
        QaRepository.SessionTimes times = repository.sessionTimes(sessionId).orElseThrow(() ->
                new QaException(QaException.Code.NOT_FOUND, "There is no session with id " + sessionId + "."));
        long moderationSeq = repository.moderationSeq(sessionId);
        long publicSeq = repository.publicSeq(sessionId);
        List<QaRepository.Authored> all = repository.allAuthored(sessionId);
        Map<Long, Long> authors = new HashMap<>();
        all.forEach(a -> {
            if (a.authorId() != null) {
                authors.put(a.view().id(), a.authorId());
            }
        });
        return LiveBoard.of(sessionId, moderationSeq, publicSeq, repository.settings(sessionId), times.endsAt(),
                all.stream().map(QaRepository.Authored::view).toList(), authors);
    }
}
