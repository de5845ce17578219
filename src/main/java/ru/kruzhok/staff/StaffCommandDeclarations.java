package ru.kruzhok.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff feature's own staff commands, declared like any feature's (see {@link StaffCommand}). */
@Configuration(proxyBeanMethods = false)
class StaffCommandDeclarations {

    @Bean
    StaffCommand staffRosterStaffCommand() {
        return StaffCommand.admin("staff", "Сотрудники: add, remove, list");
    }

    @Bean
    StaffCommand auditStaffCommand() {
        return StaffCommand.admin("audit", "Журнал действий сотрудников");
    }

    @Bean
    StaffCommand statsStaffCommand() {
        return StaffCommand.staff("stats", "Статистика по родителям и вопросам");
    }

    @Bean
    StaffCommand bindStaffCommand() {
        return StaffCommand.staff("bind", "(в группе) Сделать группу чатом специалистов");
    }

    @Bean
    StaffCommand unbindStaffCommand() {
        return StaffCommand.staff("unbind", "(в группе) Отвязать группу");
    }
}
