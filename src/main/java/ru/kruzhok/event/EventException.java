package ru.kruzhok.event;

/** An event staff asked for that cannot be stored as it is; the message is for them, in Russian. */
class EventException extends RuntimeException {
    EventException(String message) {
        super(message);
    }
}
