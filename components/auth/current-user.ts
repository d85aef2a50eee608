import { cache } from "react";
import { getCurrentUser } from "@/lib/actions/current-user";

/** The signed-in user, read once per request however many components ask (layout, page, panels). */
export const currentUser = cache(getCurrentUser);
