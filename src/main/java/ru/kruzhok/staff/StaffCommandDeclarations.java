package ru.kruzhok.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff feature's own staff commands, declared like any feature's (see {@link StaffCommand}). */
@Configuration(proxyBeanMethods = false)
class StaffCommandDeclarations {

    @Bean
    StaffCommand staffRosterCommand() {
        return StaffCommand.admin("staff", "Сотрудники: add, remove, list");
    }

    @Bean
    StaffCommand auditCommand() {
        return StaffCommand.admin("audit", "Журнал действий сотрудников");
    }

    @Bean
    StaffCommand statsCommand() {
        return StaffCommand.staff("stats", "Статистика по родителям и вопросам");
    }

    @Bean
    StaffCommand bindCommand() {
        return StaffCommand.staff("bind", "(в группе) Сделать группу чатом специалистов");
    }

    @Bean
    StaffCommand unbindCommand() {
        return StaffCommand.staff("unbind", "(в группе) Отвязать группу");
    }
}
