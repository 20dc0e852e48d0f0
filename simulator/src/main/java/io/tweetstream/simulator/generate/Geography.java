package io.tweetstream.simulator.generate;

import io.tweetstream.simulator.LocationBox;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Chooses where tweets come from: near a known city, or anywhere inside a box a client asked for. */
public final class Geography {

    /** Half the side of a city's bounding box, in degrees. */
    private static final double CITY_RADIUS = 0.2;
    /** How far from a city centre a tweet's coordinates may fall. */
    private static final double CITY_SPREAD = 0.08;
    private static final double AREA_RADIUS = 0.05;

    private final List<Corpus.City> cities;

    public Geography(Corpus corpus) {
        this.cities = corpus.cities();
    }

    /**
     * A place and a point inside {@code box}: near a known city in the box if there is one, else anywhere
     * in the box with a place named after the nearest city.
     */
    public Whereabouts inside(LocationBox box, Dice dice) {
        List<Corpus.City> inBox = cities.stream().filter(city -> box.contains(city.lng(), city.lat())).toList();
        if (!inBox.isEmpty() && dice.chance(0.8)) {
            Corpus.City city = dice.pick(inBox);
            GeoPoint point = clampTo(box, near(city, dice));
            return new Whereabouts(point, cityPlace(city));
        }
        GeoPoint point = clampTo(box, new GeoPoint(
                round(dice.between(box.swLongitude(), box.neLongitude())),
                round(dice.between(box.swLatitude(), box.neLatitude()))));
        return new Whereabouts(point, areaAround(point));
    }

    /** Somewhere in a random city; with exact coordinates only if asked. */
    public Whereabouts randomCity(Dice dice, boolean withPoint) {
        Corpus.City city = dice.pick(cities);
        GeoPoint point = withPoint ? near(city, dice) : null;
        return new Whereabouts(point, cityPlace(city));
    }

    private static GeoPoint near(Corpus.City city, Dice dice) {
        return new GeoPoint(round(city.lng() + dice.between(-CITY_SPREAD, CITY_SPREAD)),
                round(clampLatitude(city.lat() + dice.between(-CITY_SPREAD, CITY_SPREAD))));
    }

    private static Place cityPlace(Corpus.City city) {
        LocationBox box = new LocationBox(
                clampLongitude(city.lng() - CITY_RADIUS), clampLatitude(city.lat() - CITY_RADIUS),
                clampLongitude(city.lng() + CITY_RADIUS), clampLatitude(city.lat() + CITY_RADIUS));
        return new Place(placeId(city.fullName()), "city", city.name(), city.fullName(), city.countryCode(),
                city.country(), box);
    }

    /** A small made-up area around a point far from every known city. */
    private Place areaAround(GeoPoint point) {
        Corpus.City nearest = cities.stream()
                .min(Comparator.comparingDouble(city -> squaredDistance(city, point)))
                .orElseThrow();
        LocationBox box = new LocationBox(
                clampLongitude(point.longitude() - AREA_RADIUS), clampLatitude(point.latitude() - AREA_RADIUS),
                clampLongitude(point.longitude() + AREA_RADIUS), clampLatitude(point.latitude() + AREA_RADIUS));
        String name = String.format(Locale.ROOT, "Area %.2f,%.2f", point.latitude(), point.longitude());
        return new Place(placeId(name), "admin", name, name + ", " + nearest.country(), nearest.countryCode(),
                nearest.country(), box);
    }

    /** Twitter place ids are 16 hex digits; the same place always gets the same id. */
    private static String placeId(String fullName) {
        return String.format(Locale.ROOT, "%016x", Seeds.derive(0x9ACE, fullName.hashCode()));
    }

    private static GeoPoint clampTo(LocationBox box, GeoPoint point) {
        return new GeoPoint(
                Math.min(box.neLongitude(), Math.max(box.swLongitude(), point.longitude())),
                Math.min(box.neLatitude(), Math.max(box.swLatitude(), point.latitude())));
    }

    private static double squaredDistance(Corpus.City city, GeoPoint point) {
        double dLng = city.lng() - point.longitude();
        double dLat = city.lat() - point.latitude();
        return dLng * dLng + dLat * dLat;
    }

    /** Six decimals, about 10 cm, as Twitter's coordinates. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static double clampLatitude(double latitude) {
        return Math.max(-90.0, Math.min(90.0, latitude));
    }

    private static double clampLongitude(double longitude) {
        return Math.max(-180.0, Math.min(180.0, longitude));
    }
}
