package ru.kruzhok.broadcast;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.parent.ParentProfiles;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires announcements: the service, the shared send budget and this instance's outbox worker. The
 * budget is also the {@link ru.kruzhok.channel.SendCounter} through which {@link ChannelRegistry}
 * counts every reply to a person chatting, so bulk sending yields to replies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BroadcastProperties.class)
class BroadcastConfiguration {

    @Bean
    SendBudget sendBudget(BroadcastProperties properties, DataSource dataSource,
                          ObjectProvider<ChannelRegistry> channels) {
        return new SendBudget(properties, dataSource, channels);
    }

    @Bean
    Broadcasts broadcasts(JdbcTemplate jdbc, TransactionTemplate transactions, ParentProfiles parents,
                          Municipalities municipalities, BroadcastOutbox outbox, ObjectMapper json, Clock clock,
                          ObjectProvider<SurveyNonRespondents> surveys) {
        return new Broadcasts(jdbc, transactions, parents, municipalities, outbox, json, clock, surveys);
    }

    @Bean
    Notices notices(JdbcTemplate jdbc, TransactionTemplate transactions, BroadcastOutbox outbox, ObjectMapper json,
                    Clock clock) {
        return new Notices(jdbc, transactions, outbox, json, clock);
    }

    @Bean
    BroadcastWorker broadcastWorker(Broadcasts broadcasts, BroadcastOutbox outbox, SendBudget budget,
                                    ChannelRegistry channels, KnownChats knownChats, ParentProfiles parents,
                                    BroadcastProperties properties, Clock clock) {
        return new BroadcastWorker(instanceId(), broadcasts, outbox, budget, channels, knownChats, parents,
                properties, clock);
    }

    /** host/pid/random: readable in logs and the lease column, unique across restarts. */
    private static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
