package ru.kruzhok.telegram;

import javax.sql.DataSource;

/** Telegram allows one getUpdates caller per bot: the channel's {@link ru.kruzhok.channel.PollingLock} under Telegram's key. */
final class PollingLock extends ru.kruzhok.channel.PollingLock {

    /** An arbitrary constant shared by all instances: "kruzhok telegram polling". */
    static final long KEY = 0x6b72757a686f6bL;

    PollingLock(DataSource dataSource) {
        super(dataSource, KEY);
    }
}
