package io.safla.safety;

import java.math.BigInteger;
import java.util.Locale;

/** Checksum and range validators that turn "looks like a number" into "is one". */
final class Checksums {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {}

    static String digitsOnly(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Luhn (mod 10) check over the digits of {@code number}; false for fewer than 2 digits. */
    static boolean luhn(String number) {
        String d = digitsOnly(number);
        if (d.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = d.length() - 1; i >= 0; i--) {
            int v = d.charAt(i) - '0';
            if (doubleIt) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /**
     * Plausible payment card: 13-19 digits, a known issuer prefix and a valid Luhn digit. The prefix
     * check cuts false positives from long reference numbers that happen to pass Luhn (1 in 10 do).
     */
    static boolean paymentCard(String candidate) {
        String d = digitsOnly(candidate);
        int n = d.length();
        if (n < 13 || n > 19 || !luhn(d)) {
            return false;
        }
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p4 = Integer.parseInt(d.substring(0, 4));
        return d.charAt(0) == '4'
                || (p2 >= 51 && p2 <= 55)
                || (p4 >= 2221 && p4 <= 2720)
                || p2 == 34
                || p2 == 37
                || p4 == 6011
                || p2 == 65
                || (p4 >= 6440 && p4 <= 6499)
                || p2 == 35
                || p2 == 36
                || p2 == 38
                || (p4 >= 3000 && p4 <= 3059)
                || p2 == 62
                || p2 == 50
                || (p2 >= 56 && p2 <= 69);
    }

    /** ISO 13616 IBAN: country code, two check digits, mod-97 of the rearranged number equals 1. */
    static boolean iban(String candidate) {
        String s = candidate.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (s.length() < 15 || s.length() > 34 || !s.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /**
     * US SSN ranges the SSA never issues: area 000, 666 and 900-999, group 00, serial 0000. The two
     * famous advertising numbers (078-05-1120, 219-09-9999) are excluded as well.
     */
    static boolean ssn(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        return a != 0
                && a != 666
                && a < 900
                && !group.equals("00")
                && !serial.equals("0000")
                && !(area + group + serial).equals("078051120")
                && !(area + group + serial).equals("219099999");
    }

    /** True for loopback, private, link-local, unspecified and documentation IPv4 ranges. */
    static boolean nonPublicIpv4(String ip) {
        String[] p = ip.split("\\.");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        int c = Integer.parseInt(p[2]);
        return a == 10
                || a == 127
                || a == 0
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 169 && b == 254)
                || (a == 192 && b == 0 && c == 2)
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113)
                || a >= 224;
    }
}
