package io.tweetstream.connect.config;

import io.tweetstream.connect.config.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Bounding boxes given as groups of four numbers: sw longitude, sw latitude, ne longitude, ne latitude. */
final class LocationsValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> numbers = (List<String>) value;
        if (numbers.size() % 4 != 0) {
            throw new ConfigException(name, value, "Give four numbers per box (sw longitude, sw latitude,"
                    + " ne longitude, ne latitude); got " + numbers.size() + " numbers");
        }
        List<BoundingBox> boxes;
        try {
            boxes = parse(numbers);
        } catch (NumberFormatException e) {
            throw new ConfigException(name, value, "Every coordinate must be a decimal number");
        }
        if (boxes.size() > TwitterSourceConfig.MAX_LOCATION_BOXES_PER_CONNECTION) {
            throw new ConfigException(name, value, "Twitter allows at most "
                    + TwitterSourceConfig.MAX_LOCATION_BOXES_PER_CONNECTION + " boxes per connection");
        }
        for (int i = 0; i < boxes.size(); i++) {
            String problem = problemWith(boxes.get(i));
            if (problem != null) {
                throw new ConfigException(name, value, "Box " + (i + 1) + " (" + boxes.get(i) + "): " + problem);
            }
        }
    }

    private static String problemWith(BoundingBox box) {
        if (outside(box.swLongitude(), 180) || outside(box.neLongitude(), 180)) {
            return "longitudes must lie between -180 and 180";
        }
        if (outside(box.swLatitude(), 90) || outside(box.neLatitude(), 90)) {
            return "latitudes must lie between -90 and 90";
        }
        if (box.swLongitude() >= box.neLongitude() || box.swLatitude() >= box.neLatitude()) {
            return "the south-west corner must come first, below and left of the north-east corner";
        }
        return null;
    }

    private static boolean outside(double value, double limit) {
        return Double.isNaN(value) || value < -limit || value > limit;
    }

    static List<BoundingBox> parse(List<String> numbers) {
        List<BoundingBox> boxes = new ArrayList<>();
        for (int i = 0; i + 3 < numbers.size(); i += 4) {
            boxes.add(new BoundingBox(
                    Double.parseDouble(numbers.get(i).trim()), Double.parseDouble(numbers.get(i + 1).trim()),
                    Double.parseDouble(numbers.get(i + 2).trim()), Double.parseDouble(numbers.get(i + 3).trim())));
        }
        return boxes;
    }

    @Override
    public String toString() {
        return "groups of 4 coordinates";
    }
}
