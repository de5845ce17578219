package ru.kruzhok.parent;

/** An age in Russian words, as the chat shows children and the search its age filter. */
public final class Ages {

    private Ages() {
    }

    /** «1 год», «3 года», «11 лет». */
    public static String inYears(int age) {
        int mod100 = age % 100;
        int mod10 = age % 10;
        String word;
        if (mod100 >= 11 && mod100 <= 14) {
            word = "лет";
        } else {
            word = mod10 == 1 ? "год" : (mod10 >= 2 && mod10 <= 4) ? "года" : "лет";
        }
        return age + " " + word;
    }
}
