package ru.kruzhok.dialog;

import ru.kruzhok.channel.Incoming;

/**
 * Who may be in a flow marked {@code staff: true}. The staff feature answers it; without it nobody is
 * staff. The engine asks it on every turn in a staff flow, so a role taken away ends the flow, and a
 * parent's jump to a staff step finds no such step.
 */
public interface StaffGate {

    boolean isStaff(Incoming incoming);
}
