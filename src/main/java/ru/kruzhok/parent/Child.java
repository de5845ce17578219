package ru.kruzhok.parent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A child of a parent: an optional first name and the year of birth (ages move on by themselves). */
@Entity
@Table(name = "child")
class Child {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "parent_id")
    private Parent parent;

    private String name;

    @Column(name = "birth_year")
    private int birthYear;

    protected Child() {
    }

    Child(Parent parent, String name, int birthYear) {
        this.parent = parent;
        this.name = name;
        this.birthYear = birthYear;
    }

    String name() {
        return name;
    }

    int birthYear() {
        return birthYear;
    }
}
