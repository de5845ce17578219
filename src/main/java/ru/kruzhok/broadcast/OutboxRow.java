package ru.kruzhok.broadcast;

import java.time.Instant;

import ru.kruzhok.channel.ChatAddress;

/**
 * One claimed outbox row.
 *
 * @param lease            the claim's token; every later update of the row must still carry it
 * @param attempts         sends attempted before this claim
 * @param previousOwner    the lease of an instance whose claim expired, when this claim took it over
 * @param previousStarted  when that instance had started sending it (null: it never had)
 */
record OutboxRow(long id, long broadcastId, ChatAddress chat, int attempts, String lease,
                 String previousOwner, Instant previousStarted) {

    boolean takenOver() {
        return previousOwner != null;
    }

    /** The one uncertain case: an instance stopped answering while this very message was being sent. */
    boolean possiblySentBefore() {
        return previousStarted != null;
    }
}
