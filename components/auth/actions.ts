"use server";
import { redirect } from "next/navigation";
import { signInAction } from "@/lib/actions/auth/sign-in";
import { signOutAction } from "@/lib/actions/auth/sign-out";

export interface SignInFormState {
  message: string;
  email: string;
}

/** A form action, so signing in works before the page's JavaScript has loaded (no password in a URL). */
export async function signIn(_previous: SignInFormState | null, form: FormData): Promise<SignInFormState | null> {
  const email = String(form.get("email") ?? "");
  const next = String(form.get("next") ?? "") || undefined;
  const result = await signInAction({ email, password: String(form.get("password") ?? ""), next });
  if (result.ok) redirect(result.data.redirectTo);
  return { message: result.error.message, email };
}

export async function signOut() {
  await signOutAction({});
  redirect("/login");
}
